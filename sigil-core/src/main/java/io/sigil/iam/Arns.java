package io.sigil.iam;

/**
 * ARNs of IAM resources (IAM User Guide, "IAM identifiers" › "IAM ARNs"; spec §1.11):
 * {@code arn:aws:iam::ACCOUNT:TYPE/PATH/NAME}, the region always empty, the path kept with its slashes, so a user
 * {@code Bob} under {@code /division_abc/subdivision_xyz/} is {@code arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob}.
 */
public final class Arns {

    public static final String PARTITION = "aws";

    private Arns() {
    }

    public static String user(String accountId, String path, String name) {
        return iam(accountId, "user", path, name);
    }

    public static String group(String accountId, String path, String name) {
        return iam(accountId, "group", path, name);
    }

    public static String role(String accountId, String path, String name) {
        return iam(accountId, "role", path, name);
    }

    public static String instanceProfile(String accountId, String path, String name) {
        return iam(accountId, "instance-profile", path, name);
    }

    public static String policy(String accountId, String path, String name) {
        return iam(accountId, "policy", path, name);
    }

    /**
     * A virtual MFA device's ARN, which is also its serial number ("For virtual MFA devices, the serial number is the
     * device ARN", API Reference, "EnableMFADevice"): {@code arn:aws:iam::123456789012:mfa/PATH/NAME}.
     */
    public static String mfa(String accountId, String path, String name) {
        return iam(accountId, "mfa", path, name);
    }

    /** {@code arn:aws:iam::123456789012:server-certificate/cloudfront/test/Cert} (spec §1.11). */
    public static String serverCertificate(String accountId, String path, String name) {
        return iam(accountId, "server-certificate", path, name);
    }

    /**
     * {@code arn:aws:iam::123456789012:saml-provider/ADFSProvider} (spec §1.11): SAML providers have no path.
     */
    public static String samlProvider(String accountId, String name) {
        return iam(accountId, "saml-provider", "/", name);
    }

    /** {@code arn:aws:iam::123456789012:root}, the account principal. */
    public static String root(String accountId) {
        return "arn:" + PARTITION + ":iam::" + accountId + ":root";
    }

    private static String iam(String accountId, String type, String path, String name) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("an IAM path begins and ends with '/': " + path);
        }
        return "arn:" + PARTITION + ":iam::" + accountId + ":" + type + path + name;
    }
}

package io.sigil.iam;

import java.util.Optional;

/**
 * A managed policy ARN taken apart (IAM User Guide, "IAM ARNs": {@code arn:aws:iam::ACCOUNT:policy/PATH/NAME}, the
 * account {@code aws} for AWS managed policies).
 *
 * @param accountId 12 digits, or {@code aws}
 * @param path begins and ends with {@code /}
 */
public record PolicyArn(String accountId, String path, String name) {

    private static final String PREFIX = "arn:" + Arns.PARTITION + ":iam::";

    /** The parts of {@code arn}, or empty if it is not a managed policy ARN. */
    public static Optional<PolicyArn> parse(String arn) {
        if (arn == null || !arn.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = arn.indexOf(':', PREFIX.length());
        if (colon < 0 || !arn.startsWith(":policy/", colon)) {
            return Optional.empty();
        }
        String account = arn.substring(PREFIX.length(), colon);
        String rest = arn.substring(colon + ":policy".length());
        int slash = rest.lastIndexOf('/');
        String name = rest.substring(slash + 1);
        if (!(account.equals("aws") || account.matches("[0-9]{12}")) || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyArn(account, rest.substring(0, slash + 1), name));
    }

    public boolean isAwsManaged() {
        return accountId.equals("aws");
    }

    public String arn() {
        return Arns.policy(accountId, path, name);
    }
}

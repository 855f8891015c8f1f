package io.sigil.server.sigv4.internal;

/**
 * The parts of {@code Credential=AKID/20150830/us-east-1/iam/aws4_request}: "the access key ID, followed by the
 * credential scope: date in YYYYMMDD format, Region, service name and the termination string aws4_request".
 */
public record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {

    public static CredentialScope parse(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw Errors.credentialNotFiveParts(credential);
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** The scope as it appears in the string to sign: everything after the access key id. */
    public String scope() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }
}

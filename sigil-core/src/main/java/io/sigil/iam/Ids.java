package io.sigil.iam;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * AWS-shaped identifiers (IAM User Guide, "IAM identifiers" › "Unique identifiers"; spec §1.11).
 *
 * <p>Unique ids are a four-letter prefix and 17 characters of the base32 alphabet {@code [A-Z2-7]}, 21 in all,
 * like {@code AIDAJQABLZS4A3QDU576Q}. Access key ids are {@code AKIA} + 16 such characters (20 in all, like
 * {@code AKIAIOSFODNN7EXAMPLE}); secret access keys are 40 characters of the base64 alphabet, like
 * {@code wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}. All come from {@link SecureRandom}.
 */
public final class Ids {

    /** Prefixes documented in "IAM identifiers" (the list there "is not exhaustive"). */
    public static final String USER = "AIDA";
    public static final String GROUP = "AGPA";
    public static final String ROLE = "AROA";
    public static final String MANAGED_POLICY = "ANPA";
    public static final String INSTANCE_PROFILE = "AIPA";
    public static final String SERVER_CERTIFICATE = "ASCA";
    public static final String ACCESS_KEY = "AKIA";
    public static final String TEMPORARY_ACCESS_KEY = "ASIA";
    /** SSH public keys ("The Public Key with id APKA… cannot be found."). */
    public static final String PUBLIC_KEY = "APKA";
    /** Service-specific credentials (API Reference example {@code ACCAEXAMPLE123EXAMPLE}). */
    public static final String SERVICE_SPECIFIC_CREDENTIAL = "ACCA";
    /** Signing certificate ids are 28 base32 characters (API Reference example {@code TA7SMP42TDN5Z26OBPJE7EXAMPLE}). */
    public static final int SIGNING_CERTIFICATE_ID_LENGTH = 28;

    public static final int UNIQUE_ID_LENGTH = 21;
    public static final int ACCESS_KEY_ID_LENGTH = 20;
    public static final int SECRET_ACCESS_KEY_LENGTH = 40;

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String userId() {
        return uniqueId(USER);
    }

    public static String groupId() {
        return uniqueId(GROUP);
    }

    public static String roleId() {
        return uniqueId(ROLE);
    }

    public static String instanceProfileId() {
        return uniqueId(INSTANCE_PROFILE);
    }

    public static String policyId() {
        return uniqueId(MANAGED_POLICY);
    }

    /**
     * {@code APKA} + 16 random base32 characters: 20 in all, like an access key id, as AWS's are (CodeCommit's docs
     * use APKAEIBAERJR2EXAMPLE; real ones in public walkthroughs, e.g. APKA254BBSGPK2B5K5YQ). CodeCommit takes it as
     * the SSH user name.
     */
    public static String sshPublicKeyId() {
        return PUBLIC_KEY + base32(ACCESS_KEY_ID_LENGTH - PUBLIC_KEY.length());
    }

    public static String serverCertificateId() {
        return uniqueId(SERVER_CERTIFICATE);
    }

    /** {@code SAMLProviderUUID}: a random UUID, unique to one provider for its lifetime. */
    public static String samlProviderUuid() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The {@code KeyId} of a SAML provider's private key: 26 random base32 characters (130 bits). */
    public static String samlPrivateKeyId() {
        return base32(26);
    }

    public static String serviceSpecificCredentialId() {
        return uniqueId(SERVICE_SPECIFIC_CREDENTIAL);
    }

    /** 28 random base32 characters, with no prefix. */
    public static String signingCertificateId() {
        return base32(SIGNING_CERTIFICATE_ID_LENGTH);
    }

    /** {@code prefix} + 17 random base32 characters. */
    public static String uniqueId(String prefix) {
        return prefix + base32(UNIQUE_ID_LENGTH - prefix.length());
    }

    public static String accessKeyId() {
        return ACCESS_KEY + base32(ACCESS_KEY_ID_LENGTH - ACCESS_KEY.length());
    }

    public static String temporaryAccessKeyId() {
        return TEMPORARY_ACCESS_KEY + base32(ACCESS_KEY_ID_LENGTH - TEMPORARY_ACCESS_KEY.length());
    }

    /** 30 random bytes in base64: 40 characters of {@code [A-Za-z0-9+/]}, 240 bits. */
    public static String secretAccessKey() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A 12-digit account id; leading zeros are allowed as in AWS. */
    public static String accountId() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }

    private static String base32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(out);
    }
}

package io.sigil.iam.model;

/**
 * Entities that carry tags here: users, roles, customer managed policies, instance profiles, virtual MFA devices and
 * server certificates and OpenID Connect providers (Tag/Untag/List{User,Role,Policy,InstanceProfile,MFADevice,
 * ServerCertificate,OpenIDConnectProvider}Tags). A policy is named by its ARN, an MFA device by its serial number and
 * an OIDC provider by its resource name (URL without scheme), where the others are named by name.
 */
public enum TaggableKind {
    USER("user"),
    ROLE("role"),
    POLICY("policy"),
    INSTANCE_PROFILE("instance profile"),
    MFA_DEVICE("MFA device"),
    SERVER_CERTIFICATE("server certificate"),
    SAML_PROVIDER("SAML provider"),
    OIDC_PROVIDER("OpenID Connect provider");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }

    /**
     * Whether tag keys compare without case: "Tag key values for IAM users and roles are not case sensitive ... For
     * other IAM resource types, tag key values are case sensitive ... if you have tagged a customer managed policy
     * with the Costcenter = 1234 tag and you add the costcenter = 5678 tag, the policy will have both" (IAM User
     * Guide, "Tagging IAM resources", case sensitivity).
     */
    public boolean keysIgnoreCase() {
        return this == USER || this == ROLE;
    }
}

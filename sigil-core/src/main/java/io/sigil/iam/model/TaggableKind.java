package io.sigil.iam.model;

/**
 * Entities that carry tags here: users, roles, customer managed policies, instance profiles, virtual MFA devices and
 * server certificates (Tag/Untag/List{User,Role,Policy,InstanceProfile,MFADevice,ServerCertificate}Tags). A policy is
 * named by its ARN and an MFA device by its serial number, where the others are named by name.
 */
public enum TaggableKind {
    USER("user"),
    ROLE("role"),
    POLICY("policy"),
    INSTANCE_PROFILE("instance profile"),
    MFA_DEVICE("MFA device"),
    SERVER_CERTIFICATE("server certificate"),
    SAML_PROVIDER("SAML provider");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}

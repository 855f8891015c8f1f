package io.sigil.iam.model;

import java.util.Objects;

/**
 * A service-specific credential with its password or API-key secret in clear, as CreateServiceSpecificCredential and
 * ResetServiceSpecificCredential return it: "This is the only time that the password for this credential set is
 * available. It cannot be recovered later." (IAM API Reference, CreateServiceSpecificCredential).
 */
public record ServiceCredentialSecret(ServiceSpecificCredential credential, String secret) {

    public ServiceCredentialSecret {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ServiceCredentialSecret[" + credential.id() + ", secret=HIDDEN]";
    }
}

package io.sigil.iam.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The services that take IAM service-specific credentials: "You can create service-specific credentials for Amazon
 * Bedrock, Amazon CloudWatch Logs, CodeCommit and Amazon Keyspaces (for Apache Cassandra)" (IAM API Reference,
 * CreateServiceSpecificCredential). CodeCommit and Keyspaces get a user name and password; Bedrock and CloudWatch
 * Logs get an API key, an alias and a secret, which may expire ("CredentialAgeDays ... is only valid for Bedrock and
 * CloudWatch Logs API keys").
 */
public enum CredentialServices {
    CODECOMMIT("codecommit.amazonaws.com", false),
    KEYSPACES("cassandra.amazonaws.com", false),
    BEDROCK("bedrock.amazonaws.com", true),
    CLOUDWATCH_LOGS("logs.amazonaws.com", true);

    private final String serviceName;
    private final boolean apiKey;

    CredentialServices(String serviceName, boolean apiKey) {
        this.serviceName = serviceName;
        this.apiKey = apiKey;
    }

    /** The {@code ServiceName} on the wire, e.g. {@code codecommit.amazonaws.com}. */
    public String serviceName() {
        return serviceName;
    }

    /** True for API keys (alias and secret, may expire), false for a user name and password. */
    public boolean apiKey() {
        return apiKey;
    }

    public static Optional<CredentialServices> byName(String serviceName) {
        return Arrays.stream(values()).filter(s -> s.serviceName.equals(serviceName)).findFirst();
    }
}

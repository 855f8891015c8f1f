package io.sigil.server.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two Query services Sigil speaks, with the API version and XML namespace AWS uses for each.
 *
 * <p>The namespace is the one on every response and error element: IAM API Reference, "Query API
 * responses"; STS API Reference, same section.
 */
public enum AwsService {
    IAM("iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/",
            "software.amazon.awssdk.services.iam.IamClient"),
    STS("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/",
            "software.amazon.awssdk.services.sts.StsClient");

    private final String id;
    private final String apiVersion;
    private final String xmlNamespace;
    private final String clientInterface;

    AwsService(String id, String apiVersion, String xmlNamespace, String clientInterface) {
        this.id = id;
        this.apiVersion = apiVersion;
        this.xmlNamespace = xmlNamespace;
        this.clientInterface = clientInterface;
    }

    /** The signing name and the service prefix of actions ({@code iam}, {@code sts}). */
    public String id() {
        return id;
    }

    /** The value of the {@code Version} Query parameter. */
    public String apiVersion() {
        return apiVersion;
    }

    public String xmlNamespace() {
        return xmlNamespace;
    }

    String clientInterface() {
        return clientInterface;
    }

    /** The service whose signing name is {@code id}, if any. */
    public static Optional<AwsService> forId(String id) {
        for (AwsService s : VALUES) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** values() copies its array at every call; this is asked once per request. */
    private static final AwsService[] VALUES = values();

    /** The service whose API version is {@code version}, if any. */
    public static Optional<AwsService> forApiVersion(String version) {
        return Arrays.stream(values()).filter(s -> s.apiVersion.equals(version)).findFirst();
    }
}

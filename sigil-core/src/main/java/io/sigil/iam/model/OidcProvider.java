package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM OpenID Connect identity provider (IAM API Reference, "CreateOpenIDConnectProvider",
 * "GetOpenIDConnectProvider"; IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM"; spec §1.8).
 *
 * @param id          the row's own id; AWS shows none, the ARN names the provider
 * @param issuerUrl   the URL as registered, scheme included ({@code https://server.example.com/path}): what a
 *                    token's {@code iss} claim must equal
 * @param clientIds   the audiences, in the order added, each once
 * @param thumbprints SHA-1 thumbprints (40 hex digits), each once; optional today ("IAM no longer requires a
 *                    thumbprint", IAM User Guide, "Obtain the thumbprint for an OpenID Connect identity provider")
 * @param tags        in key order
 * @param version     optimistic-lock version of the row
 */
public record OidcProvider(String accountId, String id, String issuerUrl, List<String> clientIds,
                           List<String> thumbprints, Instant createDate, List<Tag> tags, long version) {

    public OidcProvider {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerUrl, "issuerUrl");
        Objects.requireNonNull(createDate, "createDate");
        clientIds = List.copyOf(clientIds == null ? List.of() : clientIds);
        thumbprints = List.copyOf(thumbprints == null ? List.of() : thumbprints);
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /**
     * The provider's name: its URL without the scheme, {@code server.example.com/path}. It is the resource part of the
     * ARN, the {@code Url} GetOpenIDConnectProvider answers, and the prefix of the provider's condition keys
     * ({@code server.example.com/path:sub}).
     */
    public String resourceName() {
        return resourceName(issuerUrl);
    }

    /** {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH}. */
    public String arn() {
        return arn(accountId, resourceName());
    }

    public static String arn(String accountId, String resourceName) {
        return "arn:" + Arns.PARTITION + ":iam::" + accountId + ":oidc-provider/" + resourceName;
    }

    /** A URL without its {@code https://} (or loopback {@code http://}) scheme. */
    public static String resourceName(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? url : url.substring(scheme + 3);
    }

    public OidcProvider withClientIds(List<String> newClientIds) {
        return new OidcProvider(accountId, id, issuerUrl, newClientIds, thumbprints, createDate, tags, version);
    }

    public OidcProvider withThumbprints(List<String> newThumbprints) {
        return new OidcProvider(accountId, id, issuerUrl, clientIds, newThumbprints, createDate, tags, version);
    }

    public OidcProvider withTags(List<Tag> newTags) {
        return new OidcProvider(accountId, id, issuerUrl, clientIds, thumbprints, createDate, newTags, version);
    }
}

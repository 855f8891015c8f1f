-- Sigil schema v6 for PostgreSQL: OpenID Connect identity providers (IAM API Reference, CreateOpenIDConnectProvider
-- and the other OpenIDConnectProvider operations). Times are epoch milliseconds; text that is compared or ordered
-- uses COLLATE "C", so order and uniqueness are bytewise as on SQLite.
-- url is the issuer URL as registered, scheme included; resource_name is the URL without its scheme, the ARN's
-- resource (oidc-provider/HOST/PATH), unique per account as given: the URL is case-sensitive.
CREATE TABLE oidc_providers (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account_id    TEXT    NOT NULL REFERENCES accounts (id),
    url           TEXT COLLATE "C" NOT NULL,
    resource_name TEXT COLLATE "C" NOT NULL,
    create_date   BIGINT  NOT NULL,
    version       BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX oidc_providers_resource ON oidc_providers (account_id, resource_name);

-- Audiences (at most 100) and thumbprints (at most 5), numbered in the order added.
CREATE TABLE oidc_provider_client_ids (
    provider_id TEXT    NOT NULL REFERENCES oidc_providers (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    client_id   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (provider_id, position)
);

CREATE TABLE oidc_provider_thumbprints (
    provider_id TEXT    NOT NULL REFERENCES oidc_providers (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    thumbprint  TEXT    NOT NULL,
    PRIMARY KEY (provider_id, position)
);

CREATE TABLE oidc_provider_tags (
    owner_id TEXT NOT NULL REFERENCES oidc_providers (id) ON DELETE CASCADE,
    tag_key  TEXT COLLATE "C" NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX oidc_provider_tags_key ON oidc_provider_tags (owner_id, lower(tag_key));

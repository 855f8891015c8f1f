-- Sigil schema v7 for PostgreSQL: SAML identity providers (IAM API Reference, CreateSAMLProvider and the other SAML
-- provider operations), their private keys and tags. Times are epoch milliseconds; text that is compared or ordered
-- uses COLLATE "C", so ordering is bytewise as on SQLite.
-- A provider's id is its SAMLProviderUUID, a key's id its KeyId. Names are unique per account case-insensitively. A private key is never stored in
-- clear: SecretBox(AES-256-GCM) sealed, bound to "saml-provider-key:<account>:<uuid>:<keyId>".
CREATE TABLE saml_providers (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account_id      TEXT    NOT NULL REFERENCES accounts (id),
    name            TEXT COLLATE "C" NOT NULL,
    metadata        TEXT    NOT NULL,
    create_date     BIGINT  NOT NULL,
    valid_until     BIGINT  NOT NULL,
    encryption_mode TEXT CHECK (encryption_mode IN ('Allowed', 'Required')),
    version         BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX saml_providers_name ON saml_providers (account_id, lower(name));

CREATE TABLE saml_provider_keys (
    provider_id TEXT COLLATE "C" NOT NULL REFERENCES saml_providers (id) ON DELETE CASCADE,
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    private_key BYTEA   NOT NULL,
    upload_date BIGINT  NOT NULL
);
CREATE INDEX saml_provider_keys_provider ON saml_provider_keys (provider_id);

CREATE TABLE saml_provider_tags (
    owner_id TEXT NOT NULL REFERENCES saml_providers (id) ON DELETE CASCADE,
    tag_key  TEXT COLLATE "C" NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX saml_provider_tags_key ON saml_provider_tags (owner_id, lower(tag_key));

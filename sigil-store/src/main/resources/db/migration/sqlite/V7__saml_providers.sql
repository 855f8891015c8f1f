-- Sigil schema v7 for SQLite: SAML identity providers (IAM API Reference, CreateSAMLProvider and the other SAML
-- provider operations), their private keys and tags. Times are epoch milliseconds.
-- A provider's id is its SAMLProviderUUID, a key's id its KeyId. Names are unique per account case-insensitively. A private key is never stored in
-- clear: SecretBox(AES-256-GCM) sealed, bound to "saml-provider-key:<account>:<uuid>:<keyId>".
CREATE TABLE saml_providers (
    id              TEXT    NOT NULL PRIMARY KEY,
    account_id      TEXT    NOT NULL REFERENCES accounts (id),
    name            TEXT    NOT NULL,
    metadata        TEXT    NOT NULL,
    create_date     INTEGER NOT NULL,
    valid_until     INTEGER NOT NULL,
    encryption_mode TEXT CHECK (encryption_mode IN ('Allowed', 'Required')),
    version         INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX saml_providers_name ON saml_providers (account_id, lower(name));

CREATE TABLE saml_provider_keys (
    provider_id TEXT    NOT NULL REFERENCES saml_providers (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL PRIMARY KEY,
    private_key BLOB    NOT NULL,
    upload_date INTEGER NOT NULL
);
CREATE INDEX saml_provider_keys_provider ON saml_provider_keys (provider_id);

CREATE TABLE saml_provider_tags (
    owner_id TEXT NOT NULL REFERENCES saml_providers (id) ON DELETE CASCADE,
    tag_key  TEXT NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX saml_provider_tags_key ON saml_provider_tags (owner_id, lower(tag_key));

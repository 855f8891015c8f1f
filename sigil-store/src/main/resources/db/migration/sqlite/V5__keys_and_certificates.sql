-- Sigil schema v5 for SQLite: SSH public keys, signing certificates, server certificates (with tags),
-- service-specific credentials and credential reports (IAM API Reference, the operations of each). Times are
-- epoch milliseconds.
-- No secret is stored in clear: a server certificate's private key is SecretBox(AES-256-GCM) sealed, bound to
-- "server-certificate-key:<account>:<id>"; a service-specific password or API-key secret is a PBKDF2 hash.
-- A user's keys and certificates block DeleteUser ("must delete ... first"), so they reference users without cascade.

-- fingerprint: MD5 of the key blob; a user holds one key once ("DuplicateSSHPublicKey").
CREATE TABLE ssh_public_keys (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    user_id     TEXT    NOT NULL REFERENCES users (id),
    body        TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('Active', 'Inactive')),
    upload_date INTEGER NOT NULL
);
CREATE UNIQUE INDEX ssh_public_keys_fingerprint ON ssh_public_keys (user_id, fingerprint);
CREATE INDEX ssh_public_keys_account ON ssh_public_keys (account_id);

-- user_id NULL: a certificate of the account's root user. sha256 of the DER: one certificate once per account
-- ("DuplicateCertificate: ... the same certificate is associated with an IAM user in the account").
CREATE TABLE signing_certificates (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    user_id     TEXT REFERENCES users (id),
    body        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('Active', 'Inactive')),
    upload_date INTEGER NOT NULL
);
CREATE UNIQUE INDEX signing_certificates_sha256 ON signing_certificates (account_id, sha256);
CREATE INDEX signing_certificates_owner ON signing_certificates (account_id, user_id);

CREATE TABLE server_certificates (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    name        TEXT    NOT NULL,
    path        TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    chain       TEXT,
    private_key BLOB    NOT NULL,
    upload_date INTEGER NOT NULL,
    expiration  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX server_certificates_name ON server_certificates (account_id, lower(name));

CREATE TABLE server_certificate_tags (
    owner_id TEXT NOT NULL REFERENCES server_certificates (id) ON DELETE CASCADE,
    tag_key  TEXT NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX server_certificate_tags_key ON server_certificate_tags (owner_id, lower(tag_key));

-- service_user_name for user-name-and-password services, credential_alias for API keys; secret_hash is
-- "pbkdf2-sha256$ITERATIONS$SALT$HASH".
CREATE TABLE service_specific_credentials (
    id                TEXT    NOT NULL PRIMARY KEY,
    account_id        TEXT    NOT NULL REFERENCES accounts (id),
    user_id           TEXT    NOT NULL REFERENCES users (id),
    service_name      TEXT    NOT NULL,
    service_user_name TEXT,
    credential_alias  TEXT,
    secret_hash       TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('Active', 'Inactive')),
    create_date       INTEGER NOT NULL,
    expiration_date   INTEGER
);
CREATE INDEX service_specific_credentials_user ON service_specific_credentials (user_id, service_name);
CREATE INDEX service_specific_credentials_account ON service_specific_credentials (account_id);

-- The latest credential report of each account (GenerateCredentialReport), served for four hours.
CREATE TABLE credential_reports (
    account_id   TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    generated_at INTEGER NOT NULL,
    content      TEXT    NOT NULL
);

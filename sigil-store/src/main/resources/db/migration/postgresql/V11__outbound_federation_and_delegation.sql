-- Sigil schema v11 for PostgreSQL: outbound web identity federation (the per-account setting, its issuer and signing
-- keys), IAM delegation requests and account properties. Times are epoch milliseconds; booleans are 0/1. Rows go
-- with their account (ON DELETE CASCADE), so removing an account needs no step for them.

-- At most one per account. issuer_id: the unique part of the account's issuer URL, made at the first enable and
-- kept while disabled (tokens issued before stay verifiable against the issuer's JWKS).
CREATE TABLE outbound_federation (
    account_id TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    issuer_id  TEXT    NOT NULL UNIQUE,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    changed_at BIGINT  NOT NULL
);

-- One signing key per account and algorithm (RS256, ES384). public_key: X.509 SubjectPublicKeyInfo (DER).
-- private_key: SecretBox(AES-256-GCM) of the PKCS#8 key, bound to "jwt-key:<account>:<key id>"; never in clear.
CREATE TABLE jwt_signing_keys (
    account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    algorithm   TEXT    NOT NULL,
    key_id      TEXT    NOT NULL UNIQUE,
    public_key  BYTEA    NOT NULL,
    private_key BYTEA    NOT NULL,
    create_date BIGINT  NOT NULL,
    PRIMARY KEY (account_id, algorithm)
);

-- Delegation requests. owner_account_id has no foreign key: a partner may name an account before it exists here.
-- parameters: the DelegationPermission parameters as JSON. trade_in_secret: SecretBox of the exchange token's
-- secret, bound to "delegation-token:<id>", NULL until SendDelegationToken.
CREATE TABLE delegation_requests (
    id                     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    requestor_account_id   TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    requestor_workflow_id  TEXT    NOT NULL,
    owner_account_id       TEXT,
    owner_id               TEXT,
    description            TEXT    NOT NULL,
    request_message        TEXT,
    policy_template_arn    TEXT,
    parameters             TEXT    NOT NULL,
    permission_policy      TEXT,
    redirect_url           TEXT,
    notification_channel   TEXT    NOT NULL,
    session_duration       INTEGER NOT NULL,
    only_send_by_owner     INTEGER NOT NULL CHECK (only_send_by_owner IN (0, 1)),
    state                  TEXT    NOT NULL,
    create_date            BIGINT  NOT NULL,
    updated_time           BIGINT  NOT NULL,
    expiration_time        BIGINT  NOT NULL,
    notes                  TEXT,
    rejection_reason       TEXT,
    approver_id            TEXT,
    approver_principal_arn TEXT,
    approver_source_id     TEXT,
    approver_session_name  TEXT,
    trade_in_secret        BYTEA,
    finalized_at           BIGINT,
    version                BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX delegation_requests_workflow ON delegation_requests (requestor_account_id, requestor_workflow_id);
CREATE INDEX delegation_requests_owner ON delegation_requests (owner_account_id, owner_id);

-- Account properties (PutAccountProperties): Namespace/PropertyName keys and their values as given.
CREATE TABLE account_properties (
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    property_key TEXT COLLATE "C" NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (account_id, property_key)
);

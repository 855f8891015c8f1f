-- Sigil schema v4 for PostgreSQL: console passwords (login profiles and password history), the account password
-- policy, virtual MFA devices and their tags. Text columns that are compared or ordered use COLLATE "C", as in V1.
-- Times are epoch milliseconds; booleans are 0/1, as on SQLite.

-- One login profile per user ("Login profiles per user: 1"). password_hash: $pbkdf2-sha256$v=1$i=N$SALT$HASH, never
-- the password. failed_attempts / locked_until: Sigil's lockout against guessing.
CREATE TABLE login_profiles (
    user_id                 TEXT    NOT NULL PRIMARY KEY REFERENCES users (id),
    password_hash           TEXT    NOT NULL,
    create_date             BIGINT  NOT NULL,
    password_set_date       BIGINT  NOT NULL,
    password_reset_required INTEGER NOT NULL CHECK (password_reset_required IN (0, 1)),
    failed_attempts         INTEGER NOT NULL DEFAULT 0,
    locked_until            BIGINT,
    version                 BIGINT  NOT NULL DEFAULT 0
);

-- The newest 24 password hashes of each user, for PasswordReusePrevention; kept when the login profile is
-- deleted, gone with the user.
CREATE TABLE password_history (
    user_id       TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    password_hash TEXT    NOT NULL,
    set_date      BIGINT  NOT NULL,
    PRIMARY KEY (user_id, seq)
);

-- At most one per account. max_password_age / password_reuse_prevention 0: off. hard_expiry NULL: not given.
CREATE TABLE account_password_policies (
    account_id                     TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    minimum_password_length        INTEGER NOT NULL,
    require_symbols                INTEGER NOT NULL,
    require_numbers                INTEGER NOT NULL,
    require_uppercase_characters   INTEGER NOT NULL,
    require_lowercase_characters   INTEGER NOT NULL,
    allow_users_to_change_password INTEGER NOT NULL,
    max_password_age               INTEGER NOT NULL,
    password_reuse_prevention      INTEGER NOT NULL,
    hard_expiry                    INTEGER
);

-- serial_number is the device ARN. seed: SecretBox(AES-256-GCM) of the TOTP seed, bound to the serial number.
-- user_id: the user the device is enabled for, NULL while unassigned. Names are unique per account in any case.
CREATE TABLE virtual_mfa_devices (
    serial_number  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account_id     TEXT    NOT NULL REFERENCES accounts (id),
    name           TEXT COLLATE "C" NOT NULL,
    path           TEXT COLLATE "C" NOT NULL,
    create_date    BIGINT  NOT NULL,
    seed           BYTEA   NOT NULL,
    user_id        TEXT REFERENCES users (id),
    enable_date    BIGINT,
    drift_steps    INTEGER NOT NULL DEFAULT 0,
    last_used_step BIGINT
);
CREATE UNIQUE INDEX virtual_mfa_devices_name ON virtual_mfa_devices (account_id, lower(name));
CREATE INDEX virtual_mfa_devices_user ON virtual_mfa_devices (user_id);

CREATE TABLE mfa_device_tags (
    owner_id TEXT NOT NULL REFERENCES virtual_mfa_devices (serial_number) ON DELETE CASCADE,
    tag_key  TEXT COLLATE "C" NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX mfa_device_tags_key ON mfa_device_tags (owner_id, lower(tag_key));

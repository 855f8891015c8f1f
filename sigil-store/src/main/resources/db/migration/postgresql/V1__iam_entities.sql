-- Sigil schema v1 for PostgreSQL: accounts, users, groups, roles, memberships, access keys, inline policies, tags.
-- Names are unique per account case-insensitively (IAM User Guide, "IAM object quotas" / "Entity name limits"):
-- unique indexes on lower(name); the name keeps its case. Text columns that are compared or ordered use
-- COLLATE "C", so paging order is bytewise and the same as on SQLite. Times are epoch milliseconds.
-- `version` is the optimistic lock of a row.

CREATE TABLE accounts (
    id          TEXT    NOT NULL PRIMARY KEY,
    alias       TEXT,
    create_date BIGINT  NOT NULL,
    version     BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX accounts_alias ON accounts (alias);

CREATE TABLE users (
    id                       TEXT    NOT NULL PRIMARY KEY,
    account_id               TEXT    NOT NULL REFERENCES accounts (id),
    name                     TEXT COLLATE "C" NOT NULL,
    path                     TEXT COLLATE "C" NOT NULL,
    create_date              BIGINT  NOT NULL,
    permissions_boundary_arn TEXT,
    password_last_used       BIGINT,
    version                  BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_name ON users (account_id, lower(name));

CREATE TABLE iam_groups (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    name        TEXT COLLATE "C" NOT NULL,
    path        TEXT COLLATE "C" NOT NULL,
    create_date BIGINT  NOT NULL,
    version     BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX iam_groups_name ON iam_groups (account_id, lower(name));

CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES iam_groups (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE roles (
    id                          TEXT    NOT NULL PRIMARY KEY,
    account_id                  TEXT    NOT NULL REFERENCES accounts (id),
    name                        TEXT COLLATE "C" NOT NULL,
    path                        TEXT COLLATE "C" NOT NULL,
    create_date                 BIGINT  NOT NULL,
    assume_role_policy_document TEXT    NOT NULL,
    description                 TEXT,
    max_session_duration        INTEGER NOT NULL,
    permissions_boundary_arn    TEXT,
    version                     BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX roles_name ON roles (account_id, lower(name));

-- user_id NULL: a key of the account's root user. secret: SecretBox(AES-256-GCM) of the secret access key.
CREATE TABLE access_keys (
    id                TEXT    NOT NULL PRIMARY KEY,
    account_id        TEXT    NOT NULL REFERENCES accounts (id),
    user_id           TEXT REFERENCES users (id),
    status            TEXT    NOT NULL CHECK (status IN ('Active', 'Inactive')),
    create_date       BIGINT  NOT NULL,
    secret            BYTEA   NOT NULL,
    last_used_date    BIGINT,
    last_used_service TEXT,
    last_used_region  TEXT
);
CREATE INDEX access_keys_user ON access_keys (user_id);
CREATE INDEX access_keys_account ON access_keys (account_id, user_id);

CREATE TABLE user_policies (
    owner_id TEXT NOT NULL REFERENCES users (id),
    name     TEXT COLLATE "C" NOT NULL,
    document TEXT NOT NULL
);
CREATE UNIQUE INDEX user_policies_name ON user_policies (owner_id, lower(name));

CREATE TABLE group_policies (
    owner_id TEXT NOT NULL REFERENCES iam_groups (id),
    name     TEXT COLLATE "C" NOT NULL,
    document TEXT NOT NULL
);
CREATE UNIQUE INDEX group_policies_name ON group_policies (owner_id, lower(name));

CREATE TABLE role_policies (
    owner_id TEXT NOT NULL REFERENCES roles (id),
    name     TEXT COLLATE "C" NOT NULL,
    document TEXT NOT NULL
);
CREATE UNIQUE INDEX role_policies_name ON role_policies (owner_id, lower(name));

-- Tags do not block a delete (DeleteUser lists no tag step), so they go with their owner.
CREATE TABLE user_tags (
    owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag_key  TEXT COLLATE "C" NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX user_tags_key ON user_tags (owner_id, lower(tag_key));

CREATE TABLE role_tags (
    owner_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    tag_key  TEXT COLLATE "C" NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX role_tags_key ON role_tags (owner_id, lower(tag_key));

-- Sigil schema v2 for PostgreSQL: customer managed policies, their versions and tags, managed-policy attachments of
-- users, groups and roles, and lookups of permissions boundaries (IAM User Guide, "Managed policies and inline
-- policies", "Versioning IAM policies", "Permissions boundaries for IAM entities").
--
-- Policy names are unique per account case-insensitively. A version is stored by number (v7 is 7); next_version
-- only grows, so version ids are never reused. Attachments name the policy by ARN, which may be an AWS managed
-- policy (arn:aws:iam::aws:policy/...) that has no row here; counts of attachments and boundary uses are derived.

CREATE TABLE managed_policies (
    id              TEXT    NOT NULL PRIMARY KEY,
    account_id      TEXT    NOT NULL REFERENCES accounts (id),
    name            TEXT COLLATE "C" NOT NULL,
    path            TEXT COLLATE "C" NOT NULL,
    description     TEXT,
    default_version BIGINT  NOT NULL,
    next_version    BIGINT  NOT NULL,
    create_date     BIGINT  NOT NULL,
    update_date     BIGINT  NOT NULL,
    version         BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX managed_policies_name ON managed_policies (account_id, lower(name));

CREATE TABLE policy_versions (
    policy_id   TEXT    NOT NULL REFERENCES managed_policies (id) ON DELETE CASCADE,
    version_num BIGINT  NOT NULL,
    document    TEXT    NOT NULL,
    create_date BIGINT  NOT NULL,
    PRIMARY KEY (policy_id, version_num)
);

CREATE TABLE policy_tags (
    owner_id TEXT NOT NULL REFERENCES managed_policies (id) ON DELETE CASCADE,
    tag_key  TEXT COLLATE "C" NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX policy_tags_key ON policy_tags (owner_id, lower(tag_key));

-- An attachment blocks the delete of its user, group or role ("must detach all policies first").
CREATE TABLE user_attached_policies (
    owner_id   TEXT NOT NULL REFERENCES users (id),
    policy_arn TEXT NOT NULL,
    PRIMARY KEY (owner_id, policy_arn)
);
CREATE INDEX user_attached_policies_arn ON user_attached_policies (policy_arn);

CREATE TABLE group_attached_policies (
    owner_id   TEXT NOT NULL REFERENCES iam_groups (id),
    policy_arn TEXT NOT NULL,
    PRIMARY KEY (owner_id, policy_arn)
);
CREATE INDEX group_attached_policies_arn ON group_attached_policies (policy_arn);

CREATE TABLE role_attached_policies (
    owner_id   TEXT NOT NULL REFERENCES roles (id),
    policy_arn TEXT NOT NULL,
    PRIMARY KEY (owner_id, policy_arn)
);
CREATE INDEX role_attached_policies_arn ON role_attached_policies (policy_arn);

-- PermissionsBoundaryUsageCount and the DeletePolicy check read these.
CREATE INDEX users_boundary ON users (permissions_boundary_arn);
CREATE INDEX roles_boundary ON roles (permissions_boundary_arn);

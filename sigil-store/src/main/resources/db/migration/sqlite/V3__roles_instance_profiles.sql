-- Sigil schema v3 for SQLite: what roles need beyond v1, and instance profiles.
-- * roles.linked_service: the service principal of a service-linked role (IAM User Guide, "Using service-linked
--   roles"); NULL for a customer role.
-- * roles.last_used_date / last_used_region: GetRole's RoleLastUsed (API Reference, "RoleLastUsed").
-- * role_trust_principals: the IAM users and roles a role's trust policy names by ARN, bound to their unique ids
--   when the policy was saved (IAM User Guide, "IAM JSON policy elements: Principal").
-- * instance_profiles, instance_profile_roles, instance_profile_tags (IAM User Guide, "Use instance profiles").
-- * slr_deletion_tasks: DeleteServiceLinkedRole's tasks, read by GetServiceLinkedRoleDeletionStatus.
-- Names are unique per account case-insensitively; times are epoch milliseconds.

ALTER TABLE roles ADD COLUMN linked_service TEXT;
ALTER TABLE roles ADD COLUMN last_used_date INTEGER;
ALTER TABLE roles ADD COLUMN last_used_region TEXT;

CREATE TABLE role_trust_principals (
    role_id      TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    arn          TEXT NOT NULL,
    principal_id TEXT NOT NULL,
    PRIMARY KEY (role_id, arn)
);

CREATE TABLE instance_profiles (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    name        TEXT    NOT NULL,
    path        TEXT    NOT NULL,
    create_date INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX instance_profiles_name ON instance_profiles (account_id, lower(name));

-- A role in a profile blocks DeleteRole and DeleteInstanceProfile, so neither side cascades.
CREATE TABLE instance_profile_roles (
    profile_id TEXT NOT NULL REFERENCES instance_profiles (id),
    role_id    TEXT NOT NULL REFERENCES roles (id),
    PRIMARY KEY (profile_id, role_id)
);
CREATE INDEX instance_profile_roles_role ON instance_profile_roles (role_id);

CREATE TABLE instance_profile_tags (
    owner_id TEXT NOT NULL REFERENCES instance_profiles (id) ON DELETE CASCADE,
    tag_key  TEXT NOT NULL,
    value    TEXT NOT NULL
);
CREATE UNIQUE INDEX instance_profile_tags_key ON instance_profile_tags (owner_id, lower(tag_key));

CREATE TABLE slr_deletion_tasks (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    role_arn    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    reason      TEXT,
    create_date INTEGER NOT NULL
);

-- Sigil schema v9 for SQLite: last accessed data and the report jobs of
-- GenerateServiceLastAccessedDetails (IAM User Guide, "Refine permissions in AWS using last accessed information").
-- Times are epoch milliseconds.

-- The latest attempt of one user or role (by unique id, so a re-created name starts afresh) to use one action of one
-- service. action_key is the action in lower case: IAM matches action names without regard to case.
-- Written in batches as an upsert that keeps the later last_accessed.
CREATE TABLE access_records (
    account_id    TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    entity_kind   TEXT    NOT NULL CHECK (entity_kind IN ('USER', 'ROLE')),
    entity_id     TEXT    NOT NULL,
    entity_arn    TEXT    NOT NULL,
    namespace     TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    action_key    TEXT    NOT NULL,
    last_accessed INTEGER NOT NULL,
    region        TEXT    NOT NULL,
    PRIMARY KEY (entity_id, namespace, action_key)
);
CREATE INDEX access_records_account ON access_records (account_id, entity_id);

-- report: the finished report as io.sigil.iam.service.LastAccessedReport encodes it.
CREATE TABLE access_report_jobs (
    id          TEXT    NOT NULL PRIMARY KEY,
    account_id  TEXT    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    caller_arn  TEXT    NOT NULL,
    subject_arn TEXT    NOT NULL,
    granularity TEXT    NOT NULL CHECK (granularity IN ('SERVICE_LEVEL', 'ACTION_LEVEL')),
    status      TEXT    NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'FAILED')),
    created     INTEGER NOT NULL,
    completed   INTEGER,
    report      TEXT
);
CREATE INDEX access_report_jobs_account ON access_report_jobs (account_id, created);

-- The account's STS preferences (IAM API Reference, "SetSecurityTokenServicePreferences"): one row per account that
-- set them. global_endpoint_token_version: 1 (v1Token) or 2 (v2Token), as GetAccountSummary reports it.
CREATE TABLE account_sts_preferences (
    account_id                    TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    global_endpoint_token_version INTEGER NOT NULL CHECK (global_endpoint_token_version IN (1, 2))
);

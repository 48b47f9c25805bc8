-- CxCluster schema for PostgreSQL (13 or later), applied in file-name order by the silo's `migrate` verb.
-- Every file is idempotent: applying all of them again, in full, is harmless.

-- Which version of each script the migrate verb applied and when, so an operator can tell what a database holds.
CREATE TABLE IF NOT EXISTS cx_schema_script (
    name             text        PRIMARY KEY,
    sha256           text        NOT NULL,
    first_applied_at timestamptz NOT NULL DEFAULT now(),
    last_applied_at  timestamptz NOT NULL DEFAULT now()
);

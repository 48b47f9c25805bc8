-- Each Orleans ADO.NET provider loads its statements from here at start-up with the unquoted
-- `SELECT QueryKey, QueryText FROM OrleansQuery`, so table and columns take PostgreSQL's folded lower-case names.
-- The provider files (010, 020, 030) upsert their own keys, so re-applying them updates the statements in place.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

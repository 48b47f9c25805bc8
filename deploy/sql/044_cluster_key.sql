-- Secrets the whole cluster shares. 'cursor' keys the permutation that turns the positions of a tenant's facts into
-- the cursors its readers see (the live stream's ids, the supervisor board's cursor), so that no cursor tells how much
-- the cluster as a whole writes. The first silo that needs it draws it; it never changes afterwards, or every cursor
-- handed out before would point elsewhere.
CREATE TABLE IF NOT EXISTS cx_cluster_key (
    name text PRIMARY KEY,
    key bytea NOT NULL CHECK (length(key) >= 16)
);

-- Orleans ADO.NET grain persistence (Microsoft.Orleans.Persistence.AdoNet): one row per grain state.
--
-- Optimistic concurrency, as the provider expects it: the ETag is the row's integer version. A grain's first write
-- passes no version and creates the row at version 1; every later write, clear or delete passes the version it
-- last saw and succeeds only if the row still has it, moving it on by one. A write that loses answers NULL, which
-- the provider turns into an InconsistentStateException. Every statement answers exactly one row, because the
-- provider reads "no row" as "no conflict" in some cases.

-- The natural key (service, grain type, the grain id's two numbers and its string part) can be long, so the row is
-- found by a SHA-256 of it instead: one short, fixed-size primary key. The parts are length-prefixed, so two
-- different keys never encode alike, and a NULL string part differs from an empty one.
-- The provider's own 32-bit hashes (GrainIdHash, GrainTypeHash) are not used: they depend on its hasher setting,
-- and a change of that setting must not lose the states already stored.
CREATE OR REPLACE FUNCTION orleans_grain_key(p_service_id text, p_grain_type text, p_n0 bigint, p_n1 bigint, p_extension text)
RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $fn$
    SELECT sha256(convert_to(
        length(p_service_id) || ':' || p_service_id || '|' ||
        length(p_grain_type) || ':' || p_grain_type || '|' ||
        p_n0 || '|' || p_n1 || '|' ||
        coalesce(length(p_extension) || ':' || p_extension, '-'),
        'UTF8'))
$fn$;

-- Versions are read back as 32-bit integers; wrap around instead of failing on the 2^31st write of one grain.
CREATE OR REPLACE FUNCTION orleans_next_version(p_version integer)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
    SELECT CASE WHEN p_version = 2147483647 THEN 1 ELSE p_version + 1 END
$fn$;

-- payload is NULL after a clear: the row, and with it the version, stays, so a stale writer is still detected.
-- The fill factor leaves room on each page for updated versions of a row (HOT updates: no index change per write).
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    grain_key          bytea       PRIMARY KEY,
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text,
    payload            bytea,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 90);

-- Answers the new version, or NULL when another writer got there first.
CREATE OR REPLACE FUNCTION orleans_write_grain_state(
    p_service_id text, p_grain_type text, p_n0 bigint, p_n1 bigint, p_extension text,
    p_expected_version integer, p_payload bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_key     bytea := orleans_grain_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension);
    v_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- The grain believes it has never been stored: only one activation may create the row; if it exists
        -- already, someone else wrote it and this writer's view is stale.
        INSERT INTO orleans_grain_state AS s
               (grain_key, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
        VALUES (v_key, p_service_id, p_grain_type, p_n0, p_n1, p_extension, p_payload, 1)
        ON CONFLICT (grain_key) DO NOTHING
        RETURNING s.version INTO v_version;
    ELSE
        -- The row lock makes concurrent writers of one version queue; the first moves the version on, and the
        -- re-check of the WHERE clause then fails the others.
        UPDATE orleans_grain_state AS s
           SET payload = p_payload, version = orleans_next_version(s.version), modified_at = now()
         WHERE s.grain_key = v_key AND s.version = p_expected_version
        RETURNING s.version INTO v_version;
    END IF;
    RETURN v_version;
END
$fn$;

-- Clear keeps the row without a payload and moves the version on; NULL when the expected version is not current.
CREATE OR REPLACE FUNCTION orleans_clear_grain_state(
    p_service_id text, p_grain_type text, p_n0 bigint, p_n1 bigint, p_extension text, p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_version integer;
BEGIN
    UPDATE orleans_grain_state AS s
       SET payload = NULL, version = orleans_next_version(s.version), modified_at = now()
     WHERE s.grain_key = orleans_grain_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension)
       AND s.version = p_expected_version
    RETURNING s.version INTO v_version;
    RETURN v_version;
END
$fn$;

-- Delete (the provider's DeleteStateOnClear option) removes the row for good. It answers the version after the
-- deleted one, which differs from the caller's ETag as success requires; NULL when the expected version is not
-- current. The provider forgets the ETag afterwards, so the next write creates the row anew at version 1.
CREATE OR REPLACE FUNCTION orleans_delete_grain_state(
    p_service_id text, p_grain_type text, p_n0 bigint, p_n1 bigint, p_extension text, p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_version integer;
BEGIN
    DELETE FROM orleans_grain_state AS s
     WHERE s.grain_key = orleans_grain_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension)
       AND s.version = p_expected_version
    RETURNING orleans_next_version(s.version) INTO v_version;
    RETURN v_version;
END
$fn$;

-- The provider also binds GrainIdHash and GrainTypeHash; the statements do not need them.
INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE grain_key = orleans_grain_key(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
$sql$),

('WriteToStorageKey', $sql$
SELECT orleans_write_grain_state(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
                                 @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion"
$sql$),

('ClearStorageKey', $sql$
SELECT orleans_clear_grain_state(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
                                 @GrainStateVersion) AS "Version"
$sql$),

('DeleteStorageKey', $sql$
SELECT orleans_delete_grain_state(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
                                  @GrainStateVersion) AS "Version"
$sql$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

-- The fact journal is append-only in the database too, not only by the grains' habit: a fact is never deleted and
-- never changed, except that its personal part may be erased (set to NULL) by an erasure or the tenant's message
-- retention. Any other UPDATE or a DELETE of a fact fails with an error naming the fact. TRUNCATE, a table owner's
-- deliberate act, is not a row change and is left to the database's privileges.
CREATE OR REPLACE FUNCTION cx_journal_fact_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'cx_journal_fact is append-only: fact % of stream % (tenant %) cannot be deleted',
            OLD.seq, OLD.stream_id, OLD.tenant_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.personal IS NOT NULL AND NEW.personal IS DISTINCT FROM OLD.personal
       OR (NEW.tenant_id, NEW.stream_id, NEW.seq, NEW.position, NEW.type, NEW.at, NEW.data)
          IS DISTINCT FROM (OLD.tenant_id, OLD.stream_id, OLD.seq, OLD.position, OLD.type, OLD.at, OLD.data) THEN
        RAISE EXCEPTION 'cx_journal_fact is append-only: fact % of stream % (tenant %) can only have its personal part erased',
            OLD.seq, OLD.stream_id, OLD.tenant_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER cx_journal_fact_append_only
    BEFORE UPDATE OR DELETE ON cx_journal_fact
    FOR EACH ROW EXECUTE FUNCTION cx_journal_fact_guard();

-- How many changes each bureau has committed: every mutation leaves an audit entry in its own
-- transaction, so counting the entries as they are written gives a number that moves whenever
-- anything the bureau's figures read may have moved. Reads that are costly and asked again and
-- again (the monthly brief's compliance of two days) are kept under it and are never stale.
CREATE TABLE tenant_change (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    changes    bigint NOT NULL,
    PRIMARY KEY (tenant_id)
);
ALTER TABLE tenant_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_change
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON tenant_change TO ${appRole};

-- runs as the role writing the entry, under the same row-level security: its own bureau's count
CREATE FUNCTION count_tenant_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tenant_change AS c (tenant_id, changes) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET changes = c.changes + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_entry_counts_change AFTER INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION count_tenant_change();

-- A bureau's policy as data: versioned, effective-dated, immutable once published.
CREATE TABLE policy_profile (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    revision        integer NOT NULL CHECK (revision > 0),
    status          text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    effective_from  date,
    based_on        integer,
    document        jsonb NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, revision),
    CHECK (status = 'DRAFT' OR effective_from IS NOT NULL)
);
-- At most one open draft per bureau.
CREATE UNIQUE INDEX policy_profile_one_draft ON policy_profile (tenant_id) WHERE status = 'DRAFT';
CREATE INDEX policy_profile_in_force ON policy_profile (tenant_id, effective_from) WHERE status = 'PUBLISHED';
ALTER TABLE policy_profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_profile FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON policy_profile
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON policy_profile TO ${appRole};

-- Published profiles are the record of what was in force: the database refuses to change them.
CREATE FUNCTION policy_profile_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published policy profiles are immutable' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER policy_profile_immutable
    BEFORE UPDATE OR DELETE ON policy_profile
    FOR EACH ROW WHEN (OLD.status = 'PUBLISHED')
    EXECUTE FUNCTION policy_profile_immutable();

-- Who changed what, when: written by the service, never updated or deleted by it.
CREATE TABLE audit_entry (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    action       text NOT NULL,
    entity       text NOT NULL,
    entity_id    uuid,
    before       jsonb,
    after        jsonb,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_entry_at_idx ON audit_entry (tenant_id, at DESC, id);
ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_entry
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON audit_entry TO ${appRole};

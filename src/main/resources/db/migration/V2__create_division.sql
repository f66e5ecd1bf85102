-- Administrative divisions: city -> district/county -> street/town -> community/village.
CREATE TABLE division (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    id               uuid NOT NULL,
    parent_id        uuid,
    level            text NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    code             text NOT NULL,
    name_zh          text NOT NULL,
    name_en          text,
    community_count  integer CHECK (community_count >= 0),
    zone             text,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES division (tenant_id, id)
);
CREATE INDEX division_parent_idx ON division (tenant_id, parent_id);
ALTER TABLE division ENABLE ROW LEVEL SECURITY;
ALTER TABLE division FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON division
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON division TO ${appRole};

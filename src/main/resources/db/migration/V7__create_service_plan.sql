-- A station's annual service plan: its projects, each placed in a slot of the bureau's catalogue.
CREATE TABLE service_plan (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    station_id  uuid NOT NULL,
    year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    projects    jsonb NOT NULL,
    version     integer NOT NULL DEFAULT 1,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, station_id, year),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
ALTER TABLE service_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON service_plan
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON service_plan TO ${appRole};

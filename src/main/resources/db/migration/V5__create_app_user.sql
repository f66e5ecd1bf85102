-- A bureau's own users for POST /login, for bureaus without an identity provider.
CREATE TABLE app_user (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    username       text NOT NULL,
    display_name   text NOT NULL,
    password_hash  text NOT NULL,
    roles          text[] NOT NULL,
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, username)
);
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app_user
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON app_user TO ${appRole};

-- The stations a STATION_OPERATOR may edit. Keyed by the token's subject so that operators
-- from a bureau's own identity provider can be granted stations too.
CREATE TABLE operator_station (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    subject     text NOT NULL,
    station_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, subject, station_id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
ALTER TABLE operator_station ENABLE ROW LEVEL SECURITY;
ALTER TABLE operator_station FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON operator_station
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, DELETE ON operator_station TO ${appRole};

-- On-site supervision visits recorded by supervisors.
CREATE TABLE supervision_visit (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    station_id   uuid NOT NULL,
    visited_on   date NOT NULL,
    supervisor   text NOT NULL,
    findings     text NOT NULL,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
CREATE INDEX supervision_visit_station_idx ON supervision_visit (tenant_id, station_id);
ALTER TABLE supervision_visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_visit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON supervision_visit
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON supervision_visit TO ${appRole};

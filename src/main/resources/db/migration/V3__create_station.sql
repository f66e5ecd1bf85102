-- A tenant's own list of station kinds (comprehensive, specialised, community room, ...).
CREATE TABLE station_kind (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    code             text NOT NULL,
    label_zh         text NOT NULL,
    label_en         text NOT NULL,
    level            text NOT NULL CHECK (level IN ('DISTRICT', 'STREET', 'COMMUNITY', 'SCHOOL')),
    -- kinds a station of this kind may sit under; empty means it has no parent station
    parent_kinds     text[] NOT NULL DEFAULT '{}',
    requires_domain  boolean NOT NULL DEFAULT false,
    sort_order       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, code)
);
ALTER TABLE station_kind ENABLE ROW LEVEL SECURITY;
ALTER TABLE station_kind FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON station_kind
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON station_kind TO ${appRole};

CREATE TABLE station (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    code            text NOT NULL,
    name            text NOT NULL,
    kind_code       text NOT NULL,
    domain          text,
    parent_id       uuid,
    division_id     uuid NOT NULL,
    host_facility   text,
    operating_mode  text NOT NULL CHECK (operating_mode IN ('SELF_RUN', 'GOVERNMENT_AND_THIRD_PARTY', 'MIXED', 'PURCHASED')),
    status          text NOT NULL CHECK (status IN ('PLANNED', 'SITE_SELECTED', 'SIGNED', 'OPERATING', 'SUSPENDED', 'CLOSED')),
    status_since    date NOT NULL,
    address         text,
    latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
    rooms           text[] NOT NULL DEFAULT '{}',
    rules           text[] NOT NULL DEFAULT '{}',
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, kind_code) REFERENCES station_kind (tenant_id, code),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, division_id) REFERENCES division (tenant_id, id)
);
CREATE INDEX station_division_idx ON station (tenant_id, division_id);
CREATE INDEX station_parent_idx ON station (tenant_id, parent_id);
ALTER TABLE station ENABLE ROW LEVEL SECURITY;
ALTER TABLE station FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON station
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON station TO ${appRole};

-- Every status a station has passed through, with the date it took effect.
CREATE TABLE station_status_change (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    station_id   uuid NOT NULL,
    status       text NOT NULL,
    effective_on date NOT NULL,
    note         text,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
CREATE INDEX station_status_change_station_idx ON station_status_change (tenant_id, station_id);
ALTER TABLE station_status_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE station_status_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON station_status_change
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON station_status_change TO ${appRole};

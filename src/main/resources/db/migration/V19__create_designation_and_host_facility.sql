-- Designations the bureaus' targets and rules name: a station made a demonstration station
-- (示范站/示范点), a worker named a leading talent (领军人才) or a supervisor (督导), each at a level
-- and from a day, until an optional end. Exactly one of station and worker is set, as the kind
-- requires.
CREATE TABLE designation (
    tenant_id   uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                REFERENCES tenant (id),
    id          uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('DEMONSTRATION', 'LEADING_TALENT', 'SUPERVISOR')),
    level       text NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'CITY', 'DISTRICT')),
    station_id  uuid,
    worker_id   uuid,
    title       text,
    awarded_on  date NOT NULL,
    ends_on     date,
    reference   text,
    version     integer NOT NULL DEFAULT 1,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES social_worker (tenant_id, id),
    CHECK ((kind = 'DEMONSTRATION') = (station_id IS NOT NULL) AND (station_id IS NULL) <> (worker_id IS NULL)),
    CHECK (ends_on IS NULL OR ends_on > awarded_on)
);
CREATE INDEX designation_station_idx ON designation (tenant_id, station_id) WHERE station_id IS NOT NULL;
CREATE INDEX designation_worker_idx ON designation (tenant_id, worker_id) WHERE worker_id IS NOT NULL;
ALTER TABLE designation ENABLE ROW LEVEL SECURITY;
ALTER TABLE designation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON designation
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON designation TO ${appRole};

-- Facilities a station can be set in that targets count on their own: schools (驻校社工), so that
-- "school social work in at least 10 schools" is the number of schools a working station serves.
-- A station serves a facility from `served_since`; one station may serve several (多校一社工).
CREATE TABLE host_facility (
    tenant_id    uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                 REFERENCES tenant (id),
    id           uuid NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('SCHOOL')),
    name         text NOT NULL,
    division_id  uuid NOT NULL,
    station_id   uuid,
    served_since date,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, division_id, name),
    FOREIGN KEY (tenant_id, division_id) REFERENCES division (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    CHECK ((station_id IS NULL) = (served_since IS NULL))
);
CREATE INDEX host_facility_station_idx ON host_facility (tenant_id, station_id) WHERE station_id IS NOT NULL;
ALTER TABLE host_facility ENABLE ROW LEVEL SECURITY;
ALTER TABLE host_facility FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON host_facility
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON host_facility TO ${appRole};

CREATE TABLE social_worker (
    tenant_id             uuid NOT NULL REFERENCES tenant (id),
    id                    uuid NOT NULL,
    name                  text NOT NULL,
    birth_date            date,
    phone                 text,
    id_number             text,
    education_level       text NOT NULL CHECK (education_level IN ('SECONDARY', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')),
    education_major       text,
    certificate_level     text NOT NULL CHECK (certificate_level IN ('NONE', 'ASSISTANT', 'INTERMEDIATE', 'SENIOR')),
    certificate_date      date,
    social_work_years     numeric(4, 1) NOT NULL DEFAULT 0 CHECK (social_work_years >= 0),
    community_work_years  numeric(4, 1) NOT NULL DEFAULT 0 CHECK (community_work_years >= 0),
    last_record_check_on  date,
    full_time             boolean NOT NULL DEFAULT true,
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX social_worker_name_idx ON social_worker (tenant_id, name, id);
ALTER TABLE social_worker ENABLE ROW LEVEL SECURITY;
ALTER TABLE social_worker FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON social_worker
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON social_worker TO ${appRole};

CREATE TABLE training_record (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    worker_id     uuid NOT NULL,
    topic         text NOT NULL,
    provider      text NOT NULL,
    hours         numeric(6, 1) NOT NULL CHECK (hours > 0),
    completed_on  date NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES social_worker (tenant_id, id)
);
CREATE INDEX training_record_worker_idx ON training_record (tenant_id, worker_id);
ALTER TABLE training_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON training_record
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON training_record TO ${appRole};

-- A worker's post at a station; ends_on NULL means current.
CREATE TABLE assignment (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    worker_id   uuid NOT NULL,
    station_id  uuid NOT NULL,
    role        text NOT NULL CHECK (role IN ('HEAD', 'DEPUTY_HEAD', 'SOCIAL_WORKER', 'SUPERVISOR')),
    starts_on   date NOT NULL,
    ends_on     date,
    full_time   boolean NOT NULL DEFAULT true,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES social_worker (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX assignment_station_idx ON assignment (tenant_id, station_id);
CREATE INDEX assignment_worker_idx ON assignment (tenant_id, worker_id);
ALTER TABLE assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assignment
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON assignment TO ${appRole};

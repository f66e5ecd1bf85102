-- What a station delivers over its year: featured cases (典型案例) it writes up for the bureau,
-- and activity records, one per piece of delivered work. Counts of the people served, never who
-- they are.
CREATE TABLE featured_case (
    tenant_id       uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                    REFERENCES tenant (id),
    id              uuid NOT NULL,
    station_id      uuid NOT NULL,
    worker_id       uuid,
    year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind            text NOT NULL,
    title           text NOT NULL,
    summary         text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    submitted_on    date NOT NULL,
    submitted_by    text NOT NULL,
    reviewed_on     date,
    reviewed_by     text,
    review_comment  text,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES social_worker (tenant_id, id)
);
CREATE INDEX featured_case_station_idx ON featured_case (tenant_id, station_id, year);
ALTER TABLE featured_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE featured_case FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON featured_case
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON featured_case TO ${appRole};

CREATE TABLE activity_record (
    tenant_id        uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                     REFERENCES tenant (id),
    id               uuid NOT NULL,
    station_id       uuid NOT NULL,
    kind             text NOT NULL,
    title            text NOT NULL,
    held_on          date NOT NULL,
    hours            numeric(6, 2) NOT NULL CHECK (hours > 0 AND hours <= 1000),
    worker_ids       text[] NOT NULL DEFAULT '{}',
    -- people served per category of the bureau's vocabulary, e.g. {"elderly": 12, "children": 3}
    beneficiaries    jsonb NOT NULL DEFAULT '{}',
    volunteers       integer NOT NULL DEFAULT 0 CHECK (volunteers >= 0),
    volunteer_hours  numeric(8, 2) NOT NULL DEFAULT 0 CHECK (volunteer_hours >= 0),
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
CREATE INDEX activity_record_station_idx ON activity_record (tenant_id, station_id, held_on);
ALTER TABLE activity_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON activity_record
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON activity_record TO ${appRole};

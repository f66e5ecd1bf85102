-- What a station delivers over its year: the projects it runs through their life cycle,
-- featured cases (典型案例) it writes up for the bureau, and activity records, one per piece of
-- delivered work. Counts of the people served, never who they are.

-- A project of a station's plan year, placed where the plan puts it (slot and item), moving
-- through Shangcheng's cycle: research → planning → implementation → evaluation → long-term
-- operation (001 五、(四)), each stage with the day it was reached.
CREATE TABLE station_project (
    tenant_id              uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                           REFERENCES tenant (id),
    id                     uuid NOT NULL,
    station_id             uuid NOT NULL,
    year                   integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    name                   text NOT NULL,
    slot                   text NOT NULL,
    item                   text,
    stage                  text NOT NULL CHECK (stage IN ('RESEARCH', 'PLANNING', 'IMPLEMENTATION', 'EVALUATION', 'LONG_TERM')),
    -- the day each stage was reached, by stage name
    stage_dates            jsonb NOT NULL,
    starts_on              date NOT NULL,
    responsible_worker_id  uuid,
    operator               text,
    budget                 numeric(14, 2) CHECK (budget >= 0),
    target_beneficiaries   integer CHECK (target_beneficiaries >= 0),
    target_sessions        integer CHECK (target_sessions >= 0),
    version                integer NOT NULL DEFAULT 1,
    created_by             text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, responsible_worker_id) REFERENCES social_worker (tenant_id, id)
);
CREATE INDEX station_project_station_idx ON station_project (tenant_id, station_id, year);
ALTER TABLE station_project ENABLE ROW LEVEL SECURITY;
ALTER TABLE station_project FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON station_project
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON station_project TO ${appRole};
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
    project_id       uuid,
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
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES station_project (tenant_id, id)
);
CREATE INDEX activity_record_station_idx ON activity_record (tenant_id, station_id, held_on);
ALTER TABLE activity_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON activity_record
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON activity_record TO ${appRole};

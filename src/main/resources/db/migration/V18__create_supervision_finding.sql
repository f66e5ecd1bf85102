-- Supervision as a loop: a visit has a kind, and records findings; a finding may require
-- rectification (整改) by a deadline, which the station reports and a re-inspection closes or
-- reopens.
ALTER TABLE supervision_visit ADD COLUMN kind text NOT NULL DEFAULT 'ON_SITE'
    CHECK (kind IN ('ON_SITE', 'MONITORING_EVALUATION', 'CONSULTATION'));

CREATE TABLE supervision_finding (
    tenant_id         uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                      REFERENCES tenant (id),
    id                uuid NOT NULL,
    visit_id          uuid NOT NULL,
    station_id        uuid NOT NULL,
    description       text NOT NULL,
    -- the compliance rule the finding is about, if any (a code of the profile)
    rule              text,
    rectify_by        date,
    status            text NOT NULL CHECK (status IN ('NOTED', 'OPEN', 'REPORTED', 'CLOSED')),
    reported_on       date,
    report            text,
    reinspected_on    date,
    reinspection_note text,
    version           integer NOT NULL DEFAULT 1,
    recorded_by       text NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, visit_id) REFERENCES supervision_visit (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
CREATE INDEX supervision_finding_station_idx ON supervision_finding (tenant_id, station_id);
CREATE INDEX supervision_finding_visit_idx ON supervision_finding (tenant_id, visit_id);
ALTER TABLE supervision_finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_finding FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON supervision_finding
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON supervision_finding TO ${appRole};

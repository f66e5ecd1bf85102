-- What closes a due item of the bureau's calendar. Due items themselves are not stored: they are
-- expanded on read from the profile in force and the registry, so a new station, a moved date or a
-- newly published profile shows at the next read. Only the closing record is kept: which milestone,
-- for which year, from whom (the bureau, a station or a division), when it was done and the evidence.
CREATE TABLE due_item_completion (
    tenant_id       uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                    REFERENCES tenant (id),
    id              uuid NOT NULL,
    milestone_code  text NOT NULL,
    year            integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
    responsible     text NOT NULL CHECK (responsible IN ('BUREAU', 'STATION', 'DIVISION')),
    station_id      uuid,
    division_id     uuid,
    done_on         date NOT NULL,
    evidence        text NOT NULL,
    recorded_by     text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, division_id) REFERENCES division (tenant_id, id),
    -- the party is the one the milestone names: a station's item has its station and nothing else
    CHECK ((responsible = 'BUREAU' AND station_id IS NULL AND division_id IS NULL)
        OR (responsible = 'STATION' AND station_id IS NOT NULL AND division_id IS NULL)
        OR (responsible = 'DIVISION' AND division_id IS NOT NULL AND station_id IS NULL))
);
-- one completion per item, however many requests race to record it
CREATE UNIQUE INDEX due_item_completion_item_key ON due_item_completion (tenant_id, milestone_code, year, responsible,
    coalesce(station_id, division_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX due_item_completion_station_idx ON due_item_completion (tenant_id, station_id);
CREATE INDEX due_item_completion_year_idx ON due_item_completion (tenant_id, year);
ALTER TABLE due_item_completion ENABLE ROW LEVEL SECURITY;
ALTER TABLE due_item_completion FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON due_item_completion
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- reopening an item takes its completion back (audited), so the service role may delete
GRANT SELECT, INSERT, DELETE ON due_item_completion TO ${appRole};

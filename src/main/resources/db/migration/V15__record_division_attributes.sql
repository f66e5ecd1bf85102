-- What a division's staffing attributes were, and from when, so that compliance on a past date
-- reads the community count and zone of then. A row without a date holds the values as first
-- recorded, read for every date before the first dated change; a division gets one when it is
-- created (by the trigger below, whatever path creates it), and existing divisions get theirs here.
CREATE TABLE division_attributes (
    tenant_id        uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                     REFERENCES tenant (id),
    id               uuid NOT NULL,
    division_id      uuid NOT NULL,
    effective_on     date,
    community_count  integer CHECK (community_count >= 0),
    zone             text,
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, division_id) REFERENCES division (tenant_id, id)
);
CREATE INDEX division_attributes_division_idx ON division_attributes (tenant_id, division_id, effective_on);
ALTER TABLE division_attributes ENABLE ROW LEVEL SECURITY;
ALTER TABLE division_attributes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON division_attributes
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- History is appended, never rewritten.
GRANT SELECT, INSERT ON division_attributes TO ${appRole};

INSERT INTO division_attributes (tenant_id, id, division_id, effective_on, community_count, zone, recorded_by, recorded_at)
SELECT tenant_id, gen_random_uuid(), id, NULL, community_count, zone, 'migration', created_at FROM division;

CREATE FUNCTION division_first_attributes() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO division_attributes (tenant_id, id, division_id, effective_on, community_count, zone, recorded_by)
    VALUES (NEW.tenant_id, gen_random_uuid(), NEW.id, NULL, NEW.community_count, NEW.zone, 'created');
    RETURN NEW;
END $$;
CREATE TRIGGER division_first_attributes AFTER INSERT ON division
    FOR EACH ROW EXECUTE FUNCTION division_first_attributes();

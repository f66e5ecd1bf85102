-- A year of a bureau's activity is a hundred thousand records: totals by month are kept as the
-- records arrive, so that summaries and monthly briefs read a row per station and month rather
-- than every record. Records are written once and never changed or deleted, so an insert trigger
-- is all that keeps the totals true.

-- people served, all categories together: {"elderly": 12, "children": 3} -> 15
CREATE FUNCTION people_served(beneficiaries jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(sum(value::int), 0) FROM jsonb_each_text(beneficiaries));

-- two counts by category added key by key: {"elderly": 1} + {"elderly": 2, "youth": 1}
CREATE FUNCTION add_counts(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(jsonb_object_agg(k, coalesce((a ->> k)::int, 0) + coalesce((b ->> k)::int, 0)), '{}'::jsonb)
              FROM (SELECT jsonb_object_keys(a) UNION SELECT jsonb_object_keys(b)) AS keys(k));

CREATE TABLE activity_month (
    tenant_id        uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                     REFERENCES tenant (id),
    station_id       uuid NOT NULL,
    -- the month's first day
    month            date NOT NULL CHECK (extract(day FROM month) = 1),
    records          integer NOT NULL,
    hours            numeric(12, 2) NOT NULL,
    served           bigint NOT NULL,
    beneficiaries    jsonb NOT NULL,
    volunteers       bigint NOT NULL,
    volunteer_hours  numeric(14, 2) NOT NULL,
    PRIMARY KEY (tenant_id, station_id, month),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
CREATE INDEX activity_month_month_idx ON activity_month (tenant_id, month);
ALTER TABLE activity_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_month FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON activity_month
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON activity_month TO ${appRole};

-- runs as the inserting role, under the same row-level security: a record adds to its own
-- tenant's month only
CREATE FUNCTION add_to_activity_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_month AS m (tenant_id, station_id, month, records, hours, served, beneficiaries,
                                     volunteers, volunteer_hours)
    VALUES (NEW.tenant_id, NEW.station_id, date_trunc('month', NEW.held_on)::date, 1, NEW.hours,
            people_served(NEW.beneficiaries), NEW.beneficiaries, NEW.volunteers, NEW.volunteer_hours)
    ON CONFLICT (tenant_id, station_id, month) DO UPDATE
        SET records = m.records + 1, hours = m.hours + EXCLUDED.hours, served = m.served + EXCLUDED.served,
            beneficiaries = add_counts(m.beneficiaries, EXCLUDED.beneficiaries),
            volunteers = m.volunteers + EXCLUDED.volunteers, volunteer_hours = m.volunteer_hours + EXCLUDED.volunteer_hours;
    RETURN NULL;
END $$;
CREATE TRIGGER activity_record_adds_to_month AFTER INSERT ON activity_record
    FOR EACH ROW EXECUTE FUNCTION add_to_activity_month();

-- the records held so far, every tenant's: the owner reads them past row-level security only while
-- this migration's transaction lifts the FORCE it sets on both tables
ALTER TABLE activity_record NO FORCE ROW LEVEL SECURITY;
ALTER TABLE activity_month NO FORCE ROW LEVEL SECURITY;
WITH totals AS (
    SELECT tenant_id, station_id, date_trunc('month', held_on)::date AS month, count(*) AS records, sum(hours) AS hours,
           sum(people_served(beneficiaries)) AS served, sum(volunteers) AS volunteers, sum(volunteer_hours) AS volunteer_hours
      FROM activity_record GROUP BY 1, 2, 3),
categories AS (
    SELECT tenant_id, station_id, month, jsonb_object_agg(key, n) AS beneficiaries
      FROM (SELECT r.tenant_id, r.station_id, date_trunc('month', r.held_on)::date AS month, b.key, sum(b.value::int) AS n
              FROM activity_record r CROSS JOIN LATERAL jsonb_each_text(r.beneficiaries) b GROUP BY 1, 2, 3, 4) c
     GROUP BY 1, 2, 3)
INSERT INTO activity_month (tenant_id, station_id, month, records, hours, served, beneficiaries, volunteers, volunteer_hours)
SELECT t.tenant_id, t.station_id, t.month, t.records, t.hours, t.served, coalesce(c.beneficiaries, '{}'::jsonb),
       t.volunteers, t.volunteer_hours
  FROM totals t LEFT JOIN categories c USING (tenant_id, station_id, month);
ALTER TABLE activity_record FORCE ROW LEVEL SECURITY;
ALTER TABLE activity_month FORCE ROW LEVEL SECURITY;

-- the days at the edges of a period that does not start or end with a month, tenant-wide
CREATE INDEX activity_record_day_idx ON activity_record (tenant_id, held_on);

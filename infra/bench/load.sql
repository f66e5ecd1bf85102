-- Scaled benchmark data set, loaded by infra/bench/run.sh as the PostgreSQL superuser (which
-- bypasses row-level security) into a fresh database whose schema Flyway has just created.
--
--   psql -v ON_ERROR_STOP=1 -v tenants=500 -d <db> < infra/bench/load.sql
--
-- Per tenant (bureau `bench<n>`, n = 1..:tenants):
--   3 station kinds, 1 district + 10 streets, 100 stations (10 per street, codes st001..st100)
--   each with one status change, 500 social workers (5 per station) with one current post
--   each (HEAD, DEPUTY_HEAD, 3 SOCIAL_WORKER), and 200 training records (2 for each of the
--   first 100 workers).
-- Afterwards: the helper table bench.page (see the end), VACUUM (ANALYZE) and CHECKPOINT.

\set ON_ERROR_STOP on
BEGIN;

INSERT INTO tenant (id, code, name_zh, name_en, level, region)
SELECT gen_random_uuid(), 'bench' || n, '基准民政局' || n, 'Bench civil-affairs bureau ' || n,
       'DISTRICT', '示例省示例市'
  FROM generate_series(1, :tenants) AS g(n);

CREATE TEMP TABLE bt ON COMMIT DROP AS
SELECT substr(code, 6)::int AS n, id FROM tenant WHERE code ~ '^bench[0-9]+$';

INSERT INTO station_kind (tenant_id, code, label_zh, label_en, level, parent_kinds, requires_domain, sort_order)
SELECT bt.id, k.code, k.label_zh, k.label_en, k.level, k.parent_kinds, k.requires_domain, k.sort_order
  FROM bt CROSS JOIN (VALUES
       ('comprehensive',  '综合社工站', 'Comprehensive station', 'STREET',    '{}'::text[],              false, 1),
       ('specialised',    '专项社工站', 'Specialised station',   'STREET',    '{}'::text[],              true,  2),
       ('community_room', '社区社工室', 'Community room',        'COMMUNITY', '{comprehensive}'::text[], false, 3))
       AS k(code, label_zh, label_en, level, parent_kinds, requires_domain, sort_order);

INSERT INTO division (tenant_id, id, parent_id, level, code, name_zh, name_en)
SELECT bt.id, gen_random_uuid(), NULL, 'DISTRICT', 'd01', '示例区', 'Sample District'
  FROM bt;

INSERT INTO division (tenant_id, id, parent_id, level, code, name_zh, name_en, community_count, zone)
SELECT bt.id, gen_random_uuid(), d.id, 'STREET', 's' || lpad(s::text, 2, '0'), '示例街道' || s,
       'Sample Street ' || s, 5 + s, CASE WHEN s <= 5 THEN 'CENTRAL_URBAN' ELSE 'NEW_URBAN' END
  FROM bt
  JOIN division d ON d.tenant_id = bt.id AND d.code = 'd01'
 CROSS JOIN generate_series(1, 10) AS g(s);

INSERT INTO station (tenant_id, id, code, name, kind_code, division_id, host_facility, operating_mode, status,
                     status_since, address, latitude, longitude, rooms, rules)
SELECT bt.id, gen_random_uuid(), 'st' || lpad(i::text, 3, '0'),
       '示例街道' || ((i - 1) % 10 + 1) || '第' || i || '社工站', 'comprehensive', dv.id,
       '社区社会组织服务中心',
       (ARRAY['SELF_RUN', 'GOVERNMENT_AND_THIRD_PARTY', 'MIXED', 'PURCHASED'])[(i - 1) % 4 + 1],
       'OPERATING', DATE '2024-01-01' + (i % 200), '示例路' || i || '号',
       30.0 + i / 1000.0, 114.0 + i / 1000.0, '{case_room,group_room}', '{finance,archives}'
  FROM bt
 CROSS JOIN generate_series(1, 100) AS g(i)
  JOIN division dv ON dv.tenant_id = bt.id AND dv.code = 's' || lpad(((i - 1) % 10 + 1)::text, 2, '0');

INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, recorded_by)
SELECT tenant_id, gen_random_uuid(), id, 'OPERATING', status_since, 'bench'
  FROM station;

INSERT INTO social_worker (tenant_id, id, name, birth_date, phone, id_number, education_level, education_major,
                           certificate_level, certificate_date, social_work_years, community_work_years,
                           last_record_check_on, full_time)
SELECT bt.id, gen_random_uuid(), '社工' || lpad(w::text, 3, '0'),
       DATE '1975-01-01' + (w * 37) % 9000, '1380000' || lpad(w::text, 4, '0'),
       '42010000000000' || lpad(w::text, 4, '0'),
       (ARRAY['SECONDARY', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'])[(w - 1) % 5 + 1], '社会工作',
       (ARRAY['NONE', 'ASSISTANT', 'INTERMEDIATE', 'SENIOR'])[(w - 1) % 4 + 1],
       CASE WHEN (w - 1) % 4 = 0 THEN NULL ELSE DATE '2018-06-01' + w END,
       (w % 15)::numeric, (w % 10)::numeric, DATE '2025-06-01', w % 7 <> 0
  FROM bt CROSS JOIN generate_series(1, 500) AS g(w);

-- Worker w is posted at station st((w-1)/5+1): 5 current posts per station.
INSERT INTO assignment (tenant_id, id, worker_id, station_id, role, starts_on, full_time)
SELECT bt.id, gen_random_uuid(), sw.id, st.id,
       CASE (w - 1) % 5 WHEN 0 THEN 'HEAD' WHEN 1 THEN 'DEPUTY_HEAD' ELSE 'SOCIAL_WORKER' END,
       DATE '2024-03-01', true
  FROM bt
 CROSS JOIN generate_series(1, 500) AS g(w)
  JOIN social_worker sw ON sw.tenant_id = bt.id AND sw.name = '社工' || lpad(w::text, 3, '0')
  JOIN station st ON st.tenant_id = bt.id AND st.code = 'st' || lpad(((w - 1) / 5 + 1)::text, 3, '0');

INSERT INTO training_record (tenant_id, id, worker_id, topic, provider, hours, completed_on)
SELECT sw.tenant_id, gen_random_uuid(), sw.id, t.topic, '示例培训机构', t.hours, t.completed_on
  FROM social_worker sw
 CROSS JOIN (VALUES ('个案工作实务', 16.0, DATE '2025-03-10'), ('社区治理', 8.0, DATE '2025-09-20'))
       AS t(topic, hours, completed_on)
 WHERE sw.name <= '社工100';

-- bench.page: for each tenant, the ids the service passes from one batch-loader level to the
-- next when it answers the 50-station page (query (a)): the first 50 stations by code, their
-- divisions, those divisions' parents, and the workers posted at those stations. The pgbench
-- script reads them in its tenant-binding statement (\gset), so it sends the same statements
-- with the same arrays as the service without an extra round trip. Not tenant data the service
-- reads: the schema `bench` is outside Flyway's and has no RLS.
CREATE SCHEMA bench;
CREATE TABLE bench.page AS
WITH first50 AS (
    SELECT tenant_id, id, division_id
      FROM (SELECT tenant_id, id, division_id,
                   row_number() OVER (PARTITION BY tenant_id ORDER BY code) AS rn
              FROM station) s
     WHERE rn <= 50)
SELECT bt.id AS tenant_id, bt.n,
       (SELECT array_agg(f.id)::text FROM first50 f WHERE f.tenant_id = bt.id) AS sids,
       (SELECT array_agg(DISTINCT f.division_id)::text FROM first50 f WHERE f.tenant_id = bt.id) AS dids,
       (SELECT array_agg(DISTINCT d.parent_id)::text
          FROM division d
         WHERE d.tenant_id = bt.id
           AND d.id IN (SELECT f.division_id FROM first50 f WHERE f.tenant_id = bt.id)) AS pids,
       (SELECT array_agg(DISTINCT a.worker_id)::text
          FROM assignment a
         WHERE a.tenant_id = bt.id
           AND a.station_id IN (SELECT f.id FROM first50 f WHERE f.tenant_id = bt.id)) AS wids
  FROM bt;
ALTER TABLE bench.page ADD PRIMARY KEY (tenant_id);
GRANT USAGE ON SCHEMA bench TO shegong_app;
GRANT SELECT ON bench.page TO shegong_app;

COMMIT;

-- Statistics, hint bits and the visibility map now, and the dirty pages written out, so that
-- the measurements do not pay for the bulk load (first-read hint-bit writes, a checkpoint).
VACUUM (ANALYZE);
CHECKPOINT;

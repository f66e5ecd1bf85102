#!/usr/bin/env bash
# The bureau's year benchmark: one bureau of 200 stations under Shangcheng's published profile
# with a year of activity (100,000 activity records), designations and schools. Measures, warm
# (median of sequential requests after a warm-up), the reads a bureau makes every day: its
# targets with their monthly history, what is overdue or due in the next 30 days, the year's
# activity by division and month, and the monthly brief; and the statements each costs. With
# JAR_BEFORE set, the previous build is measured in the same run, round by round.
#
#   infra/bench/year.sh                  # STATIONS=200 ACTIVITIES=100000 ROUNDS=3
#   JAR_BEFORE=/path/to/previous.jar infra/bench/year.sh
#
# Needs the local PostgreSQL 15 cluster, psql, curl, python3, Java 25.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATIONS=${STATIONS:-200}
ACTIVITIES=${ACTIVITIES:-100000}
REPEATS=${REPEATS:-21}
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-3}
DB_NAME=${DB_NAME:-shegong_year_bench}
DB_PASSWORD=${DB_PASSWORD:-shegong-bench-local-only}
JWT_SECRET=${JWT_SECRET:-shegong-benchmark-hs256-secret-local-only-0123456789}
PORT=${PORT:-18182}
OUT=${OUT:-/tmp/shegong-year-bench-$(date +%Y%m%d-%H%M%S)}
JAR=${JAR:-$REPO/target/shegong-0.1.0-SNAPSHOT.jar}
JAR_BEFORE=${JAR_BEFORE:-}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
STATEMENT_COUNT=true
TODAY=$(TZ=Asia/Shanghai date +%F)
YEAR=${TODAY:0:4}
IN_30_DAYS=$(TZ=Asia/Shanghai date -d '+30 days' +%F)
LABELS=(after)
[[ -n "$JAR_BEFORE" ]] && LABELS=(before after)
mkdir -p "$OUT"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

trap 'stop_service; [[ -n "${KEEP_DATABASES:-}" ]] || drop_all' EXIT

[[ -f "$JAR" ]] || (cd "$REPO" && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -DskipTests -Dconsole.skip package)
[[ -z "$JAR_BEFORE" || -f "$JAR_BEFORE" ]] || { log "no $JAR_BEFORE"; exit 1; }
pg_lsclusters -h | grep -q online || pg_ctlcluster 15 main start
ADMIN=$(token bench:admin bench TENANT_ADMIN)

load() {  # load LABEL: the bureau and its profile through the API, the registry and its year by SQL
    local db=${DB_NAME}_$1
    create_database "$db"
    start_service "$1"
    create_bureau shangcheng "2021-01-01"
    stop_service
    log "$1: loading $STATIONS stations and $ACTIVITIES activity records into $db"
    pg_super -d "$db" -v stations="$STATIONS" -v activities="$ACTIVITIES" -v year="$YEAR" <<'SQL' >/dev/null
CREATE TEMP TABLE t AS SELECT id FROM tenant WHERE code = 'bench';
INSERT INTO division (tenant_id, id, code, level, name_zh)
SELECT (SELECT id FROM t), gen_random_uuid(), 'district', 'DISTRICT', '基准区';
INSERT INTO division (tenant_id, id, code, level, name_zh, parent_id, community_count)
SELECT (SELECT id FROM t), gen_random_uuid(), 'street_' || i, 'STREET', '街道' || i,
       (SELECT id FROM division WHERE code = 'district' AND tenant_id = (SELECT id FROM t)), 9
  FROM generate_series(1, 20) i;
INSERT INTO division (tenant_id, id, code, level, name_zh, parent_id)
SELECT (SELECT id FROM t), gen_random_uuid(), 'community_' || i, 'COMMUNITY', '社区' || i,
       (SELECT id FROM division WHERE code = 'street_' || (1 + i % 20) AND tenant_id = (SELECT id FROM t))
  FROM generate_series(1, 180) i;
-- a street station in each street, a school station in ten, community rooms in the rest
INSERT INTO station (tenant_id, id, code, name, kind_code, division_id, operating_mode, status, status_since)
SELECT (SELECT id FROM t), gen_random_uuid(), 'st_' || i,
       CASE WHEN i <= 20 THEN '基准区街道' || i || '社会工作站' WHEN i <= 30 THEN '驻校社工站' || i ELSE '社区社会工作室' || i END,
       CASE WHEN i <= 20 THEN 'street_station' WHEN i <= 30 THEN 'school_station' ELSE 'community_room' END,
       (SELECT id FROM division WHERE tenant_id = (SELECT id FROM t) AND code =
           CASE WHEN i <= 30 THEN 'street_' || (1 + i % 20) ELSE 'community_' || (i - 30) END),
       'SELF_RUN', 'OPERATING', DATE '2022-01-01' + (i % 300)
  FROM generate_series(1, :stations) i;
INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, recorded_by)
SELECT tenant_id, gen_random_uuid(), id, 'OPERATING', status_since, 'bench' FROM station WHERE tenant_id = (SELECT id FROM t);
INSERT INTO social_worker (tenant_id, id, name, education_level, certificate_level, certificate_date, social_work_years, full_time)
SELECT (SELECT id FROM t), gen_random_uuid(), '社工' || i, 'BACHELOR', (ARRAY['NONE','ASSISTANT','INTERMEDIATE'])[1 + i % 3],
       DATE '2019-06-01', i % 8, true
  FROM generate_series(1, :stations * 3) i;
WITH w AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM social_worker WHERE tenant_id = (SELECT id FROM t)),
     s AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM station WHERE tenant_id = (SELECT id FROM t))
INSERT INTO assignment (tenant_id, id, worker_id, station_id, role, starts_on)
SELECT (SELECT id FROM t), gen_random_uuid(), w.id, s.id, CASE WHEN w.n % 3 = 0 THEN 'HEAD' ELSE 'SOCIAL_WORKER' END, DATE '2022-03-01'
  FROM w JOIN s ON s.n = w.n / 3;
-- demonstration stations, supervisors and leading talents, and forty schools, thirty served
INSERT INTO designation (tenant_id, id, kind, level, station_id, awarded_on, recorded_by)
SELECT (SELECT id FROM t), gen_random_uuid(), 'DEMONSTRATION', (ARRAY['CITY','PROVINCIAL','DISTRICT'])[1 + n % 3], id,
       DATE '2022-06-01' + (n * 20)::int, 'bench'
  FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM station WHERE tenant_id = (SELECT id FROM t)) s WHERE n % 8 = 0;
INSERT INTO designation (tenant_id, id, kind, level, worker_id, awarded_on, recorded_by)
SELECT (SELECT id FROM t), gen_random_uuid(), CASE WHEN n % 4 = 0 THEN 'LEADING_TALENT' ELSE 'SUPERVISOR' END,
       (ARRAY['CITY','PROVINCIAL','DISTRICT'])[1 + n % 3], id, DATE '2021-03-01' + (n * 9)::int, 'bench'
  FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM social_worker WHERE tenant_id = (SELECT id FROM t)) w WHERE n % 10 = 0;
INSERT INTO host_facility (tenant_id, id, kind, name, division_id, station_id, served_since)
SELECT (SELECT id FROM t), gen_random_uuid(), 'SCHOOL', '基准学校' || i,
       (SELECT id FROM division WHERE code = 'street_' || (1 + i % 20) AND tenant_id = (SELECT id FROM t)),
       CASE WHEN i <= 30 THEN (SELECT id FROM station WHERE code = 'st_' || (21 + i % 10) AND tenant_id = (SELECT id FROM t)) END,
       CASE WHEN i <= 30 THEN DATE '2023-09-01' + (i * 15) END
  FROM generate_series(1, 40) i;
-- the year's activity, spread over the stations and the days up to today
INSERT INTO activity_record (tenant_id, id, station_id, kind, title, held_on, hours, worker_ids, beneficiaries,
                             volunteers, volunteer_hours, recorded_by)
SELECT (SELECT id FROM t), gen_random_uuid(), s.id,
       (ARRAY['case_work','group_work','community_activity'])[1 + i % 3], '服务记录' || i,
       make_date(:year, 1, 1) + (i % (current_date - make_date(:year, 1, 1))), 1 + (i % 4) * 0.5, '{}',
       jsonb_build_object('elderly', 5 + i % 7, 'children', i % 5), i % 4, (i % 4) * 2.0, 'bench'
  FROM generate_series(1, :activities) i
  JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM station WHERE tenant_id = (SELECT id FROM t)) s
    ON s.n = i % :stations;
ANALYZE;
SQL
}

body() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1"; }
declare -A QUERIES=(
    [targets]=$(body "{targets{code state value needed shortfall lackingDivisions{code} lackingFacilities{name} history{month value met}}}")
    [due_next_30_days]=$(body "{dueItems(to:\"$IN_30_DAYS\",filter:{statuses:[OVERDUE,DUE]}){milestone status dueOn station{code} division{code}}}")
    [activity_by_division_and_month]=$(body "{activitySummary(from:\"$YEAR-01-01\",to:\"$TODAY\"){division{code} month records hours served volunteers}}")
    [monthly_brief]=$(body "{monthlyBrief{month asOf dueThisMonth{milestone status} overdue{milestone} late{overdue station{code}} activity{records hours served beneficiaries{code count} volunteers} previousActivity{records served} activityByDivision{division{code} records} compliance{before{stations compliant violations advisories} after{stations compliant violations advisories} becameNonCompliant{code} becameCompliant{code}} featuredCases{submitted accepted returned} supervision{opened rectified overdue}}}")
)
# for comparison: the report a brief would evaluate twice if it kept nothing
QUERIES[compliance_report]=$(body "{complianceReport{totals{stations compliant violations advisories}}}")
ORDER=(targets due_next_30_days activity_by_division_and_month monthly_brief compliance_report)

for label in "${LABELS[@]}"; do load "$label"; done

measure_rounds
summary "$STATIONS stations, $ACTIVITIES activity records in $YEAR, Shangcheng profile; today $TODAY"

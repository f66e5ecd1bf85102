#!/usr/bin/env bash
# Compliance benchmark: one bureau of 200 stations and 1,000 workers under Wuhan's published
# profile. Measures the tenant report cold (first request after the service starts), warm
# (sequential repeats) for today and for a date a year back, and under concurrent clients with
# wrk. With JAR_BEFORE set, the previous build is measured in the same run, alternating with the
# current one round by round (machines are noisy), each on its own database with the same data.
# Bounded; everything on 127.0.0.1.
#
#   infra/bench/compliance.sh             # STATIONS=200 WORKERS_PER_STATION=5 DURATION=15 ROUNDS=3
#   JAR_BEFORE=/path/to/previous.jar infra/bench/compliance.sh
#
# Needs what run.sh needs: the local PostgreSQL 15 cluster, psql, wrk, curl, python3, Java 25.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATIONS=${STATIONS:-200}
WORKERS_PER_STATION=${WORKERS_PER_STATION:-5}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
REPEATS=${REPEATS:-21}
WARMUP=${WARMUP:-40}
DB_NAME=${DB_NAME:-shegong_compliance_bench}
DB_PASSWORD=${DB_PASSWORD:-shegong-bench-local-only}
JWT_SECRET=${JWT_SECRET:-shegong-benchmark-hs256-secret-local-only-0123456789}
PORT=${PORT:-18181}
OUT=${OUT:-/tmp/shegong-compliance-bench-$(date +%Y%m%d-%H%M%S)}
JAR=${JAR:-$REPO/target/shegong-0.1.0-SNAPSHOT.jar}
JAR_BEFORE=${JAR_BEFORE:-}
ROUNDS=${ROUNDS:-3}
YEAR_BACK=${YEAR_BACK:-$(TZ=Asia/Shanghai date -d '1 year ago' +%F)}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p "$OUT"
LABELS=(after)
[[ -n "$JAR_BEFORE" ]] && LABELS=(before after)

# shellcheck source=lib.sh
source "$HERE/lib.sh"
# KEEP_DATABASES=1 leaves them for profiling a build by hand.
trap 'stop_service; [[ -n "${KEEP_DATABASES:-}" ]] || drop_all' EXIT

[[ -f "$JAR" ]] || (cd "$REPO" && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -DskipTests package)
[[ -z "$JAR_BEFORE" || -f "$JAR_BEFORE" ]] || { log "no $JAR_BEFORE"; exit 1; }
pg_lsclusters -h | grep -q online || pg_ctlcluster 15 main start

ADMIN=$(token bench:admin bench TENANT_ADMIN)

load() {  # load LABEL: the tenant and its profile through the API, the registry by SQL
    local db=${DB_NAME}_$1
    create_database "$db"
    start_service "$1"
    create_bureau wuhan "2021-12-01"
    stop_service
    log "$1: loading $STATIONS stations x $WORKERS_PER_STATION workers into $db"
    # Every station has the status history the service writes when it registers one.
    pg_super -d "$db" -v stations="$STATIONS" -v per="$WORKERS_PER_STATION" <<'SQL' >/dev/null
CREATE TEMP TABLE t AS SELECT id FROM tenant WHERE code = 'bench';
INSERT INTO division (tenant_id, id, code, level, name_zh, zone)
SELECT (SELECT id FROM t), gen_random_uuid(), 'district', 'DISTRICT', '基准区', NULL;
INSERT INTO division (tenant_id, id, code, level, name_zh, parent_id, community_count, zone)
SELECT (SELECT id FROM t), gen_random_uuid(), 'street_' || i, 'STREET', '街道' || i,
       (SELECT id FROM division WHERE code = 'district' AND tenant_id = (SELECT id FROM t)),
       5 + i % 20, CASE WHEN i % 2 = 0 THEN 'CENTRAL_URBAN' ELSE 'NEW_URBAN' END
  FROM generate_series(1, 20) i;
INSERT INTO station (tenant_id, id, code, name, kind_code, division_id, operating_mode, status, status_since, rooms, rules)
SELECT (SELECT id FROM t), gen_random_uuid(), 'st_' || i, '基准街道社工站' || i, 'street_station',
       (SELECT id FROM division WHERE code = 'street_' || (1 + i % 20) AND tenant_id = (SELECT id FROM t)),
       'PURCHASED', 'OPERATING', DATE '2022-01-01',
       CASE WHEN i % 3 = 0 THEN '{office,case_room}'::text[] ELSE '{office,case_room,group_room,multi_function_room,signage}'::text[] END,
       '{staff,finance,volunteers,venue_use,archives}'::text[]
  FROM generate_series(1, :stations) i;
INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, recorded_by)
SELECT tenant_id, gen_random_uuid(), id, 'SIGNED', DATE '2021-12-01', 'bench' FROM station WHERE tenant_id = (SELECT id FROM t);
INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, recorded_by)
SELECT tenant_id, gen_random_uuid(), id, 'OPERATING', DATE '2022-01-01', 'bench' FROM station WHERE tenant_id = (SELECT id FROM t);
INSERT INTO social_worker (tenant_id, id, name, birth_date, education_level, education_major, certificate_level,
                           certificate_date, social_work_years, community_work_years, last_record_check_on, full_time)
SELECT (SELECT id FROM t), gen_random_uuid(), '社工' || i, DATE '1975-01-01' + (i % 9000),
       (ARRAY['COLLEGE','BACHELOR','MASTER','SECONDARY'])[1 + i % 4], CASE WHEN i % 3 = 0 THEN '社会工作' END,
       (ARRAY['NONE','ASSISTANT','INTERMEDIATE'])[1 + i % 3], CASE WHEN i % 3 <> 0 THEN DATE '2019-06-01' END,
       i % 8, i % 6, DATE '2024-01-01' + (i % 900), i % 7 <> 0
  FROM generate_series(1, :stations * :per) i;
WITH w AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM social_worker WHERE tenant_id = (SELECT id FROM t)),
     s AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM station WHERE tenant_id = (SELECT id FROM t))
INSERT INTO assignment (tenant_id, id, worker_id, station_id, role, starts_on)
SELECT (SELECT id FROM t), gen_random_uuid(), w.id, s.id,
       CASE WHEN w.n % :per = 0 THEN 'HEAD' ELSE 'SOCIAL_WORKER' END, DATE '2022-03-01'
  FROM w JOIN s ON s.n = w.n / :per;
INSERT INTO training_record (tenant_id, id, worker_id, topic, provider, hours, completed_on)
SELECT (SELECT id FROM t), gen_random_uuid(), id, '专业培训', '基准', 40, DATE '2024-05-01' FROM social_worker
 WHERE tenant_id = (SELECT id FROM t);
ANALYZE;
SQL
}

report() {  # report DATE|"" -> request body
    local on=""
    [[ -n "$1" ]] && on="(on:\\\"$1\\\")"
    echo "{\"query\":\"{complianceReport$on{totals{stations compliant violations advisories} byRule{rule findings} stations(first:20){edges{node{violations station{code} findings{rule messageZh}}}}}}\"}"
}
TODAY_REPORT=$(report "")
PAST_REPORT=$(report "$YEAR_BACK")
echo "$TODAY_REPORT" >"$OUT/report.json"
echo "$PAST_REPORT" >"$OUT/report-year-back.json"

warm_up() {  # both reports, WARMUP times each, unmeasured: the JIT compiles the evaluation first
    for _ in $(seq 1 "$WARMUP"); do time_one "$ADMIN" "$TODAY_REPORT" >/dev/null; time_one "$ADMIN" "$PAST_REPORT" >/dev/null; done
}

concurrent() {  # concurrent LABEL ROUND -> "rps p50 p99 errors"
    cat >"$OUT/report.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $ADMIN"
wrk.body = [[$TODAY_REPORT]]
local bad = 0
response = function(status, headers, body)
  if status ~= 200 or body:find('"errors"') then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms %.1f\np99_ms %.1f\nrequests %d\nerrors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, bad))
end
LUA
    local f="$OUT/wrk-$1-$2.txt"
    timeout $((DURATION + 30)) wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OUT/report.lua" "$URL/graphql" >"$f"
    echo "$(awk '/Requests\/sec/ {print $2}' "$f") $(awk '/^p50_ms/ {print $2}' "$f") $(awk '/^p99_ms/ {print $2}' "$f") $(awk '/^errors/ {print $2}' "$f")"
}

for label in "${LABELS[@]}"; do load "$label"; done

declare -A COLD
for label in "${LABELS[@]}"; do
    start_service "$label"
    gql "$ADMIN" "$TODAY_REPORT" >"$OUT/report-response-$label.json"
    stop_service; start_service "$label"
    COLD[$label]=$(time_one "$ADMIN" "$TODAY_REPORT" | awk '{printf "%.0f", $1 * 1000}')
    gql "$ADMIN" "$TODAY_REPORT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert "errors" not in d, d; print(d["data"]["complianceReport"]["totals"])' >"$OUT/totals-$label.txt"
    gql "$ADMIN" "$PAST_REPORT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert "errors" not in d, d; print(d["data"]["complianceReport"]["totals"])' >"$OUT/totals-year-back-$label.txt"
    stop_service
done

: >"$OUT/rounds.tsv"
for round in $(seq 1 "$ROUNDS"); do
    for label in "${LABELS[@]}"; do
        start_service "$label"
        warm_up
        today=$(median_ms "$ADMIN" "$TODAY_REPORT")
        past=$(median_ms "$ADMIN" "$PAST_REPORT")
        read -r rps p50 p99 errors < <(concurrent "$label" "$round")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$label" "$today" "$past" "$rps" "$p99" "$errors" | tee -a "$OUT/rounds.tsv" >&2
        stop_service
    done
done

summarise() {  # summarise LABEL COLUMN -> median over rounds
    awk -F'\t' -v l="$1" -v c="$2" '$2 == l {print $c}' "$OUT/rounds.tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'
}
{
    echo "data: $STATIONS stations, $((STATIONS * WORKERS_PER_STATION)) workers, Wuhan profile; $ROUNDS rounds, medians over rounds"
    echo
    printf '| measure |'; for l in "${LABELS[@]}"; do printf ' %s |' "$l"; done; echo
    printf '| --- |'; for _ in "${LABELS[@]}"; do printf ' --- |'; done; echo
    printf '| totals today |'; for l in "${LABELS[@]}"; do printf ' %s |' "$(cat "$OUT/totals-$l.txt")"; done; echo
    printf '| totals on %s |' "$YEAR_BACK"; for l in "${LABELS[@]}"; do printf ' %s |' "$(cat "$OUT/totals-year-back-$l.txt")"; done; echo
    printf '| cold report (first request after start) |'; for l in "${LABELS[@]}"; do printf ' %s ms |' "${COLD[$l]}"; done; echo
    printf '| warm report today (median of %s sequential) |' "$REPEATS"; for l in "${LABELS[@]}"; do printf ' %s ms |' "$(summarise "$l" 3)"; done; echo
    printf '| warm report on %s |' "$YEAR_BACK"; for l in "${LABELS[@]}"; do printf ' %s ms |' "$(summarise "$l" 4)"; done; echo
    printf '| concurrent report, %s clients |' "$CONNECTIONS"; for l in "${LABELS[@]}"; do printf ' %s req/s, p99 %s ms |' "$(summarise "$l" 5)" "$(summarise "$l" 6)"; done; echo
    echo
    echo "rounds (round, build, warm today ms, warm year back ms, req/s, p99 ms, errors):"
    sed 's/^/    /' "$OUT/rounds.tsv"
} | tee "$OUT/summary.md"

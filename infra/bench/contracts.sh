#!/usr/bin/env bash
# Contracts and funding benchmark: one bureau under Weihai's published profile with 200 town
# stations, 1,000 workers, 50 operators and 200 service contracts over three years, each with its
# tranches, monthly, mid-term and final reports, evaluations, and three years of ledger entries.
# Measures, warm, a contract's page with its findings, the bureau's contract findings, and the
# funding totals by source and district with the year's funding findings; and the statements each
# costs. With JAR_BEFORE set, the previous build runs beside the current one, round by round.
#
#   infra/bench/contracts.sh              # STATIONS=200 CONTRACTS=200 OPERATORS=50 ROUNDS=3
#
# Needs the local PostgreSQL 15 cluster, psql, curl, python3, Java 25.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATIONS=${STATIONS:-200}
CONTRACTS=${CONTRACTS:-200}
OPERATORS=${OPERATORS:-50}
REPEATS=${REPEATS:-21}
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-3}
DB_NAME=${DB_NAME:-shegong_contract_bench}
DB_PASSWORD=${DB_PASSWORD:-shegong-bench-local-only}
JWT_SECRET=${JWT_SECRET:-shegong-benchmark-hs256-secret-local-only-0123456789}
PORT=${PORT:-18183}
OUT=${OUT:-/tmp/shegong-contract-bench-$(date +%Y%m%d-%H%M%S)}
JAR=${JAR:-$REPO/target/shegong-0.1.0-SNAPSHOT.jar}
JAR_BEFORE=${JAR_BEFORE:-}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
STATEMENT_COUNT=true
LABELS=(after)
[[ -n "$JAR_BEFORE" ]] && LABELS=(before after)
mkdir -p "$OUT"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
trap 'stop_service; [[ -n "${KEEP_DATABASES:-}" ]] || drop_all' EXIT

[[ -f "$JAR" ]] || (cd "$REPO" && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -DskipTests -Dconsole.skip package)
pg_lsclusters -h | grep -q online || pg_ctlcluster 15 main start
ADMIN=$(token bench:admin bench TENANT_ADMIN)

load() {  # load LABEL: the bureau through the API, its registry, contracts and ledger by SQL
    local db=${DB_NAME}_$1
    create_database "$db"
    start_service "$1"
    create_bureau weihai "2021-01-01"
    stop_service
    log "$1: loading $STATIONS stations, $OPERATORS operators and $CONTRACTS contracts into $db"
    pg_super -d "$db" -v stations="$STATIONS" -v contracts="$CONTRACTS" -v operators="$OPERATORS" <<'SQL' >/dev/null
CREATE TEMP TABLE t AS SELECT id FROM tenant WHERE code = 'bench';
INSERT INTO division (tenant_id, id, code, level, name_zh)
SELECT (SELECT id FROM t), gen_random_uuid(), 'county_' || i, 'DISTRICT', '区市' || i FROM generate_series(1, 4) i;
INSERT INTO division (tenant_id, id, code, level, name_zh, parent_id, community_count)
SELECT (SELECT id FROM t), gen_random_uuid(), 'town_' || i, 'STREET', '镇' || i,
       (SELECT id FROM division WHERE code = 'county_' || (1 + i % 4) AND tenant_id = (SELECT id FROM t)), 12
  FROM generate_series(1, :stations) i;
INSERT INTO station (tenant_id, id, code, name, kind_code, division_id, operating_mode, status, status_since)
SELECT (SELECT id FROM t), gen_random_uuid(), 'st_' || i, '镇' || i || '社会工作服务站', 'town_station',
       (SELECT id FROM division WHERE code = 'town_' || i AND tenant_id = (SELECT id FROM t)), 'PURCHASED', 'OPERATING', DATE '2022-06-01'
  FROM generate_series(1, :stations) i;
INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, recorded_by)
SELECT tenant_id, gen_random_uuid(), id, 'OPERATING', status_since, 'bench' FROM station WHERE tenant_id = (SELECT id FROM t);
-- the database checks a credit code's form; its check character is the service's to verify
INSERT INTO operator (tenant_id, id, name, credit_code, status, recorded_by)
SELECT (SELECT id FROM t), gen_random_uuid(), '社会工作服务中心' || i, '52371002MJD' || lpad(i::text, 6, '0') || 'X', 'ACTIVE', 'bench'
  FROM generate_series(1, :operators) i;
INSERT INTO social_worker (tenant_id, id, name, education_level, certificate_level, certificate_date, social_work_years,
                           full_time, employer_id)
SELECT (SELECT id FROM t), gen_random_uuid(), '社工' || i, 'BACHELOR', (ARRAY['NONE','ASSISTANT','INTERMEDIATE'])[1 + i % 3],
       DATE '2019-06-01', i % 8, true,
       (SELECT id FROM operator WHERE credit_code = '52371002MJD' || lpad((1 + (i / 5) % :operators)::text, 6, '0') || 'X')
  FROM generate_series(0, :stations * 5 - 1) i;
WITH w AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM social_worker WHERE tenant_id = (SELECT id FROM t)),
     s AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM station WHERE tenant_id = (SELECT id FROM t))
INSERT INTO assignment (tenant_id, id, worker_id, station_id, role, starts_on)
SELECT (SELECT id FROM t), gen_random_uuid(), w.id, s.id, CASE WHEN w.n % 5 = 0 THEN 'HEAD' ELSE 'SOCIAL_WORKER' END, DATE '2023-01-15'
  FROM w JOIN s ON s.n = w.n / 5;
-- a contract per station, three years from 2023 or 2024, with the station's operator
INSERT INTO service_contract (tenant_id, id, code, title, purchaser_division_id, landing_division_id, operator_id,
                              starts_on, ends_on, price, status, signed_on, recorded_by)
SELECT (SELECT id FROM t), gen_random_uuid(), 'WH-' || i, '镇' || i || '社工站运营服务项目',
       (SELECT parent_id FROM division WHERE code = 'town_' || i AND tenant_id = (SELECT id FROM t)),
       (SELECT id FROM division WHERE code = 'town_' || i AND tenant_id = (SELECT id FROM t)),
       (SELECT id FROM operator WHERE credit_code = '52371002MJD' || lpad((1 + ((i - 1) * 5 / 5) % :operators)::text, 6, '0') || 'X'),
       make_date(2023 + i % 2, 1, 1), make_date(2025 + i % 2, 12, 31), 450000, 'SIGNED', make_date(2022 + i % 2, 12, 15), 'bench'
  FROM generate_series(1, :contracts) i;
INSERT INTO contract_station (tenant_id, contract_id, station_id)
SELECT c.tenant_id, c.id, s.id FROM service_contract c JOIN station s ON s.code = 'st_' || substr(c.code, 4) AND s.tenant_id = c.tenant_id
 WHERE c.tenant_id = (SELECT id FROM t);
INSERT INTO contract_tranche (tenant_id, id, contract_id, position, due_on, amount, condition)
SELECT c.tenant_id, gen_random_uuid(), c.id, p, c.starts_on + (p - 1) * 182, 75000, '按进度拨付'
  FROM service_contract c CROSS JOIN generate_series(1, 6) p WHERE c.tenant_id = (SELECT id FROM t);
-- monthly briefs through the term so far, a mid-term and a final report per year
INSERT INTO contract_report (tenant_id, id, contract_id, kind, period_start, period_end, body, submitted_on, accepted_on, submitted_by)
SELECT c.tenant_id, gen_random_uuid(), c.id, 'MONTHLY_BRIEF', m, (m + interval '1 month - 1 day')::date, '本月服务情况',
       (m + interval '1 month 5 days')::date, (m + interval '1 month 12 days')::date, 'bench'
  FROM service_contract c CROSS JOIN LATERAL generate_series(c.starts_on, least(c.ends_on, DATE '2026-10-01'), interval '1 month') m
 WHERE c.tenant_id = (SELECT id FROM t);
INSERT INTO contract_evaluation (tenant_id, id, contract_id, contract_year, kind, evaluator, evaluated_on, score, grade, recorded_by)
SELECT c.tenant_id, gen_random_uuid(), c.id, y, k, '第三方评估机构', c.starts_on + (y - 1) * 365 + CASE k WHEN 'MID_TERM' THEN 180 ELSE 350 END,
       60 + (abs(hashtext(c.code || y || k)) % 40), CASE WHEN abs(hashtext(c.code || y || k)) % 10 = 0 THEN 'fail' WHEN abs(hashtext(c.code || y)) % 3 = 0 THEN 'excellent' ELSE 'good' END, 'bench'
  FROM service_contract c CROSS JOIN generate_series(1, 3) y CROSS JOIN unnest(ARRAY['MID_TERM', 'ANNUAL']) k
 WHERE c.tenant_id = (SELECT id FROM t) AND c.starts_on + (y - 1) * 365 + 350 < DATE '2026-11-01';
-- three fiscal years of money: each station's allocation and payments, and the city fund
INSERT INTO funding_entry (tenant_id, id, kind, source, amount, entry_date, fiscal_year, payer_level, payer_division_id,
                           purpose, station_id, recorded_by)
SELECT s.tenant_id, gen_random_uuid(), k, (ARRAY['city_special_fund', 'county_budget'])[1 + (y + abs(hashtext(s.code))) % 2],
       CASE k WHEN 'ALLOCATION' THEN 150000 - (abs(hashtext(s.code || y)) % 4) * 10000 ELSE 75000 END,
       make_date(y, CASE k WHEN 'ALLOCATION' THEN 2 ELSE 7 END, 1), y, 'DISTRICT', d.parent_id, 'OPERATION', s.id, 'bench'
  FROM station s JOIN division d ON d.id = s.division_id AND d.tenant_id = s.tenant_id
 CROSS JOIN generate_series(2023, 2025) y CROSS JOIN unnest(ARRAY['ALLOCATION', 'PAYMENT', 'PAYMENT']) k
 WHERE s.tenant_id = (SELECT id FROM t);
ANALYZE;
SQL
}

body() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1"; }
declare -A QUERIES
ORDER=(contract_page contract_findings funding_totals funding_findings)

prepare_queries() {  # a contract in the middle of the list, its id through the API as a client would have it
    local id
    id=$(gql "$ADMIN" "$(body '{contracts{id code}}')" | python3 -c '
import json, sys
rows = sorted(json.load(sys.stdin)["data"]["contracts"], key=lambda c: c["code"])
print(rows[len(rows) // 2]["id"])')
    QUERIES[contract_page]=$(body "{node(id:\"$id\"){...on Contract{code title years status startsOn endsOn price operator{name latestEvaluation{grade}} stations{code name} tranches{dueOn amount} reports{kind periodStart periodEnd acceptedOn figures{sessions hours beneficiaries}} evaluations{contractYear kind grade score} findings{rule severity messageZh source wording}}}}")
    QUERIES[contract_findings]=$(body "{contractFindings{rule severity contract{code} messageZh}}")
    QUERIES[funding_totals]=$(body "{fundingTotals(year:2025,groupBy:[SOURCE,DISTRICT]){source district{code} allocated paid entries}}")
    QUERIES[funding_findings]=$(body "{fundingFindings(year:2025){findings{code severity source station{code} required actual messageZh}}}")
}

for label in "${LABELS[@]}"; do load "$label"; done

measure_rounds
summary "$STATIONS stations, $OPERATORS operators, $CONTRACTS contracts with 3 years of reports, evaluations and ledger entries, Weihai profile"

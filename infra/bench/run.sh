#!/usr/bin/env bash
# Shegong benchmark: the GraphQL service against a scaled data set, compared with the same read
# sent as plain SQL through pgbench. Bounded and self-stopping; everything on 127.0.0.1.
#
#   infra/bench/run.sh                      # T = 5 and T = 500 tenants (about 15-25 minutes)
#   TENANTS=50 DURATION=20 ROUNDS=1 infra/bench/run.sh
#
# For each T it: creates the roles shegong_owner and shegong_app and a fresh database on the
# local PostgreSQL 15 cluster (as io.shegong.devdb.DatabaseSetup does), starts the service jar
# (Flyway creates the schema), loads T tenants x 100 stations x 5 workers as the superuser
# (load.sql), mints HS256 tokens (make_requests.py), checks one request of every kind and the
# pgbench script, warms up, then measures ROUNDS rounds of, with wrk (graphql.lua):
#   (a) stations(first: 50) with division, division.parent and current assignments with workers
#   (b) node(id:) of one station
#   (c) recordSupervisionVisit (insert only)
# and (a)'s SQL through pgbench as shegong_app (read_a.pgbench), at the same concurrency.
# Every request picks a tenant at random. It stops the service, drops the database (KEEP_DB=1
# keeps it) and prints a summary (medians of the rounds), also written to $OUT/summary.md;
# $OUT keeps every wrk/pgbench output, the check responses and the service log.
#
# The machine is assumed shared: before each measured run the script waits (at most
# QUIET_WAIT s) for other processes to go quiet, and records the CPU others used during it.
#
# With SQL_CENSUS=1 it also counts, before warming up, the statements PostgreSQL receives for
# one request of each kind (log_statement = 'all' for a few seconds, through ALTER SYSTEM and
# reset afterwards; the server log must be readable): BEGIN, SAVEPOINT and COMMIT included,
# which the service's own `extensions.sqlStatements` does not count.
#
# Needs: bash, psql, pgbench, wrk, curl, python3 (standard library), Java 25, and the
# PostgreSQL superuser: as root through `runuser -u postgres -- psql` (peer auth), otherwise
# `psql -U postgres -h /var/run/postgresql` (override with PG_SUPERUSER_PSQL="psql ...").
# Builds the jar with ./mvnw if target/shegong-0.1.0-SNAPSHOT.jar is missing (or set JAR).
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)

TENANTS=${TENANTS:-"5 500"}
DURATION=${DURATION:-15}          # seconds per measured run
ROUNDS=${ROUNDS:-3}               # measured rounds of (a), (b), (c), pgbench; the summary takes the median
QUIET_WAIT=${QUIET_WAIT:-90}      # before each measured run, wait at most this long for other work to stop
QUIET_MAX=${QUIET_MAX:-0.25}      # ... i.e. to use fewer cores than this
WARMUP=${WARMUP:-15}              # seconds per warm-up run (not recorded) ...
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2} # ... of (a), (b), (c) in turn, this many times; then pgbench once
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
DB_NAME=${DB_NAME:-shegong_bench}
PG_PORT=${PG_PORT:-5432}
PG_CLUSTER=${PG_CLUSTER:-"15 main"}
DB_PASSWORD=${DB_PASSWORD:-shegong-bench-local-only}
JWT_SECRET=${JWT_SECRET:-shegong-benchmark-hs256-secret-local-only-0123456789}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
KEEP_DB=${KEEP_DB:-0}
SQL_CENSUS=${SQL_CENSUS:-0}
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-${PG_CLUSTER// /-}.log}
OUT=${OUT:-/tmp/shegong-bench-$(date +%Y%m%d-%H%M%S)}
JAR=${JAR:-$REPO/target/shegong-0.1.0-SNAPSHOT.jar}
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
HOST=127.0.0.1

SVC_PID=""
STARTED_PG=0
CENSUS_ON=0

# What every answer of a kind must contain besides having no "errors": a failed mutation with a
# nullable payload answers `"visit":null` and reports why in `userErrors`, not in "errors"; a
# station not found answers `"node":null`.
declare -A EXPECT=(
    [a]='"edges":[{"node":{"id":"'
    [b]='"node":{"id":"'
    [c]='"visit":{"id":"'
)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The PostgreSQL superuser's psql (it bypasses row-level security, as loading needs).
if [[ -n "${PG_SUPERUSER_PSQL:-}" ]]; then
    read -r -a PG_SUPER_CMD <<<"$PG_SUPERUSER_PSQL"
elif [[ $(id -u) -eq 0 ]]; then
    PG_SUPER_CMD=(runuser -u postgres -- psql)
else
    PG_SUPER_CMD=(psql -U postgres -h /var/run/postgresql)
fi
PG_SUPER_CMD+=(-X -q -v ON_ERROR_STOP=1 -p "$PG_PORT")
pg_super() { "${PG_SUPER_CMD[@]}" "$@"; }

pg_app() {
    PGPASSWORD=$DB_PASSWORD psql -X -v ON_ERROR_STOP=1 -h "$HOST" -p "$PG_PORT" -U shegong_app -d "$DB_NAME" "$@"
}

cleanup() {
    local rc=$?
    census_off
    stop_service
    if [[ "$KEEP_DB" != 1 ]]; then
        pg_super -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [[ $STARTED_PG == 1 ]]; then
        log "stopping the PostgreSQL cluster this script started"
        # shellcheck disable=SC2086
        pg_ctlcluster $PG_CLUSTER stop >/dev/null 2>&1 || true
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'log "failed: line $LINENO: $BASH_COMMAND"' ERR

stop_service() {
    [[ -n "$SVC_PID" ]] || return 0
    if kill -0 "$SVC_PID" 2>/dev/null; then
        kill "$SVC_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$SVC_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$SVC_PID" 2>/dev/null || true
    fi
    wait "$SVC_PID" 2>/dev/null || true
    SVC_PID=""
}

require() {
    local missing=()
    for c in psql pgbench pg_isready wrk curl python3; do
        command -v "$c" >/dev/null || missing+=("$c")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        die "missing: ${missing[*]} (e.g. apt-get install -y wrk postgresql-client postgresql-contrib curl python3)"
    fi
}

build_jar() {
    [[ -f "$JAR" ]] && return 0
    log "no $JAR: building with ./mvnw (JAVA_HOME=${JAVA_HOME:-unset})"
    (cd "$REPO" && JAVA_HOME=${JAVA_HOME:-} timeout 1200 ./mvnw -B -q -DskipTests package) || die "build failed"
    [[ -f "$JAR" ]] || die "build produced no $JAR"
}

ensure_postgres() {
    if ! pg_isready -q -h "$HOST" -p "$PG_PORT"; then
        log "starting PostgreSQL cluster $PG_CLUSTER"
        # shellcheck disable=SC2086
        pg_ctlcluster $PG_CLUSTER start
        STARTED_PG=1
        for _ in $(seq 1 60); do
            pg_isready -q -h "$HOST" -p "$PG_PORT" && break
            sleep 0.5
        done
        pg_isready -q -h "$HOST" -p "$PG_PORT" || die "PostgreSQL did not start on $HOST:$PG_PORT"
    fi
}

# The roles and a fresh database, as io.shegong.devdb.DatabaseSetup prepares them.
prepare_database() {
    local pw=${DB_PASSWORD//\'/\'\'}
    pg_super -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shegong_owner') THEN
    CREATE ROLE shegong_owner LOGIN NOSUPERUSER NOCREATEROLE PASSWORD '$pw';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shegong_app') THEN
    CREATE ROLE shegong_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '$pw';
  END IF;
END \$\$;
ALTER ROLE shegong_owner LOGIN NOSUPERUSER NOCREATEROLE PASSWORD '$pw';
ALTER ROLE shegong_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '$pw';
DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE);
CREATE DATABASE $DB_NAME OWNER shegong_owner;
SQL
    pg_super -d "$DB_NAME" <<SQL
ALTER SCHEMA public OWNER TO shegong_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO shegong_app;
SQL
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_service() {
    local t=$1
    PORT=$(free_port)
    URL="http://$HOST:$PORT"
    log "starting the service on $URL (log $OUT/service-T$t.log)"
    # Migrations (Flyway, as shegong_owner) reach DATASOURCE_URL's database: MIGRATION_URL unset.
    # shellcheck disable=SC2086
    env -u MIGRATION_URL DATASOURCE_URL="jdbc:postgresql://$HOST:$PG_PORT/$DB_NAME" \
        DATASOURCE_USERNAME=shegong_app DATASOURCE_PASSWORD="$DB_PASSWORD" \
        MIGRATION_USERNAME=shegong_owner MIGRATION_PASSWORD="$DB_PASSWORD" \
        JWT_SECRET="$JWT_SECRET" GRAPHIQL_ENABLED=false DEMO_DATA=false PORT="$PORT" \
        MICRONAUT_SERVER_HOST="$HOST" SHEGONG_GRAPHQL_STATEMENT_COUNT=true \
        "$JAVA" $JAVA_OPTS -jar "$JAR" >"$OUT/service-T$t.log" 2>&1 &
    SVC_PID=$!
    for _ in $(seq 1 240); do
        kill -0 "$SVC_PID" 2>/dev/null || { tail -40 "$OUT/service-T$t.log" >&2; die "the service exited"; }
        if curl -sf --max-time 2 "$URL/health" 2>/dev/null | grep -q '"UP"'; then
            return 0
        fi
        sleep 0.5
    done
    tail -40 "$OUT/service-T$t.log" >&2
    die "the service did not become healthy in 120 s"
}

# POST one line of a request file (`token\tbody`); prints the response body.
post_line() {
    local file=$1 n=${2:-1} line
    line=$(sed -n "${n}p" "$file")
    curl -s --max-time 30 -X POST "$URL/graphql" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer ${line%%$'\t'*}" --data-binary "${line#*$'\t'}"
}

# One request of each kind must answer without errors before anything is measured.
check_requests() {
    local t=$1 dir=$2 token resp name
    token=$(awk -F'\t' 'NR == 1 { print $1; exit }' "$dir/a.tsv")
    resp=$(curl -s --max-time 30 -X POST "$URL/graphql" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $token" --data-binary '{"query":"{viewer{subject}}"}')
    echo "$resp" >"$OUT/check-T$t-viewer.json"
    [[ "$resp" == *'"subject":"bench:bench1"'* && "$resp" != *'"errors"'* ]] \
        || die "token check failed: $resp"
    for name in a b c; do
        resp=$(post_line "$dir/$name.tsv" 1)
        echo "$resp" >"$OUT/check-T$t-$name.json"
        if [[ -z "$resp" || "$resp" == *'"errors"'* || "$resp" != *"${EXPECT[$name]}"* ]]; then
            die "request ($name) failed; response: ${resp:0:2000}"
        fi
    done
    resp=$(cat "$OUT/check-T$t-a.json")
    local stations assignments
    stations=$(grep -o '"code":' <<<"$resp" | wc -l)
    assignments=$(grep -o '"role":' <<<"$resp" | wc -l)
    [[ $stations -eq 50 && $assignments -eq 250 ]] \
        || die "(a) returned $stations stations and $assignments assignments, expected 50 and 250"
    SQL_A=$(sed -n 's/.*"sqlStatements":\([0-9]*\).*/\1/p' "$OUT/check-T$t-a.json")
    SQL_B=$(sed -n 's/.*"sqlStatements":\([0-9]*\).*/\1/p' "$OUT/check-T$t-b.json")
    SQL_C=$(sed -n 's/.*"sqlStatements":\([0-9]*\).*/\1/p' "$OUT/check-T$t-c.json")
    log "checks passed: token, (a) 50 stations / 250 posts in ${SQL_A:-?} SQL statements," \
        "(b) ${SQL_B:-?}, (c) ${SQL_C:-?}"
}

# The pgbench script run once through psql as shegong_app: every statement must return rows.
check_pgbench_script() {
    local t=$1 counts
    sed -e '/^\\set n /d' -e "s/:\(sids\|dids\|pids\|wids\)\b/:'\1'/g" "$HERE/read_a.pgbench" \
        >"$OUT/read_a.check.sql"
    counts=$(pg_app -P pager=off -v n=1 -f "$OUT/read_a.check.sql" 2>&1 | awk '/^\([0-9]+ rows?\)$/ { gsub(/[()]/, ""); printf "%s%s", sep, $1; sep = " " }')
    [[ "$counts" == "51 250" ]] \
        || die "pgbench script check: row counts '$counts', expected '51 250'"
    log "pgbench script check passed (rows per statement: $counts)"
}

census_off() {
    [[ $CENSUS_ON == 1 ]] || return 0
    pg_super -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null 2>&1 \
        || log "could not reset log_statement: run ALTER SYSTEM RESET log_statement yourself"
    CENSUS_ON=0
}

# SQL_CENSUS=1: the statements PostgreSQL receives for one request of each kind, as the server
# log shows them with log_statement = 'all'. The request is sent twice and the second one is
# counted (prepared statements and caches warm, as under load). Left out: the pool's liveness
# check `SELECT 1`, sent on a connection idle for more than 0.5 s (the pauses here), which
# connections kept busy under load do not get. Writes census.tsv: tenants, kind, statements, by first word,
# the service's own count for the same request; and census-T<t>-<kind>.log.
census_statements() {
    local t=$1 dir=$2 name size resp own
    [[ $SQL_CENSUS == 1 ]] || return 0
    if [[ ! -r "$PG_LOG" ]]; then
        log "no readable PostgreSQL log $PG_LOG: no statement census"
        return 0
    fi
    CENSUS_ON=1
    pg_super -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 1
    for name in a b c; do
        post_line "$dir/$name.tsv" 2 >/dev/null
        sleep 0.5
        size=$(stat -c %s "$PG_LOG")
        resp=$(post_line "$dir/$name.tsv" 2)
        sleep 1
        [[ "$resp" != *'"errors"'* && "$resp" == *"${EXPECT[$name]}"* ]] || die "census request ($name) failed: ${resp:0:400}"
        own=$(sed -n 's/.*"sqlStatements":\([0-9]*\).*/\1/p' <<<"$resp")
        # One statement per line: a log entry starts with its timestamp, a multi-line statement
        # continues on lines without one.
        tail -c +$((size + 1)) "$PG_LOG" | awk -v who=" shegong_app@$DB_NAME LOG:  " '
            function flush() { gsub(/[ \t]+/, " ", e); sub(/^[ ;]+/, "", e); sub(/[ ;]+$/, "", e)
                               if (e != "" && toupper(e) != "SELECT 1") print e; e = "" }
            /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
                flush(); keep = 0; i = index($0, who)
                if (i > 0) {
                    rest = substr($0, i + length(who))
                    if (rest ~ /^(statement|execute [^:]*):/) { sub(/^(statement|execute [^:]*): ?/, "", rest); keep = 1; e = rest }
                }
                next
            }
            keep { e = e " " $0 }
            END { flush() }' >"$OUT/census-T$t-$name.log"
        awk -v t="$t" -v n="$name" -v own="${own:-?}" '
            { w = toupper($1); c[w]++; total++ }
            END { s = ""; for (w in c) s = s (s == "" ? "" : " ") w "=" c[w]
                  printf "%s\t%s\t%d\t%s\t%s\n", t, n, total, s, own }' "$OUT/census-T$t-$name.log" >>"$OUT/census.tsv"
    done
    census_off
    log "statement census (PostgreSQL's count / the service's own): $(awk -F'\t' '{ printf "(%s) %d / %s [%s]  ", $2, $3, $5, $4 }' "$OUT/census.tsv")"
}

field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

# CPU ticks at this moment: "<busy ticks of the whole machine> <the service's> <all postgres
# processes', with their reaped backends> <this shell's reaped children: wrk, pgbench, curl>".
cpu_snapshot() {
    python3 - "$$" "${SVC_PID:-0}" <<'PY'
import os, sys
shell, svc = int(sys.argv[1]), int(sys.argv[2])
with open("/proc/stat") as f:
    c = [int(x) for x in f.readline().split()[1:]]
busy = c[0] + c[1] + c[2] + c[5] + c[6] + (c[7] if len(c) > 7 else 0)
service = postgres = children = 0
for pid in os.listdir("/proc"):
    if not pid.isdigit():
        continue
    try:
        with open("/proc/%s/stat" % pid) as f:
            raw = f.read()
    except OSError:
        continue
    comm = raw[raw.index("(") + 1:raw.rindex(")")]
    v = raw[raw.rindex(")") + 2:].split()
    utime, stime, cutime, cstime = int(v[11]), int(v[12]), int(v[13]), int(v[14])
    if comm == "postgres":
        postgres += utime + stime + cutime + cstime
    elif int(pid) == svc:
        service += utime + stime
    elif int(pid) == shell:
        children += cutime + cstime
print(busy, service, postgres, children)
PY
}

# cpu_used <snapshot before> <snapshot after> <seconds>: average cores used in between, as
# "<others> <service> <postgres> <load generator>"; "others" is everything on the machine that
# is not this benchmark (someone's build, steal time), so a disturbed run can be told apart.
cpu_used() {
    awk -v a="$1" -v b="$2" -v s="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(a, x, " "); split(b, y, " ")
        for (i = 1; i <= 4; i++) d[i] = (y[i] - x[i]) / hz / s
        o = d[1] - d[2] - d[3] - d[4]; if (o < 0) o = 0
        printf "%.2f %.2f %.2f %.2f", o, d[2], d[3], d[4] }'
}

# Waits, at most QUIET_WAIT seconds, until other work on the machine uses less than
# QUIET_MAX cores (sampled over 2 s), so that a measurement does not start in the middle of
# someone else's build. Gives up silently after QUIET_WAIT; the run then records its other CPU.
quiet_gate() {
    local deadline=$((SECONDS + QUIET_WAIT)) a other waited=0
    while ((SECONDS < deadline)); do
        a=$(cpu_snapshot)
        sleep 2
        other=$(cpu_used "$a" "$(cpu_snapshot)" 2)
        other=${other%% *}
        awk -v o="$other" -v m="$QUIET_MAX" 'BEGIN { exit !(o < m) }' && break
        [[ $waited == 1 ]] || log "other work uses $other cores; waiting up to ${QUIET_WAIT}s for it to drop below $QUIET_MAX"
        waited=1
    done
}

# results.tsv: tenants, workload, round, req/s, p50 ms, p99 ms, errors, then cores used by
# others, the service, postgres and the load generator
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$OUT/results.tsv"; }

# run_wrk <T> <a|b|c> <seconds> <round; 0 = warm-up, not recorded>
run_wrk() {
    local t=$1 name=$2 secs=$3 round=$4 out result first cpu0 other svc pg gen
    out="$OUT/wrk-T$t-$name-$([[ $round == 0 ]] && echo warmup || echo "r$round").txt"
    [[ $round == 0 ]] || quiet_gate
    cpu0=$(cpu_snapshot)
    timeout $((secs + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s --latency \
        -s "$HERE/graphql.lua" "$URL/graphql" -- "$REQ_DIR/$name.tsv" "${EXPECT[$name]}" >"$out" 2>&1 \
        || die "wrk ($name) failed: $(tail -5 "$out")"
    read -r other svc pg gen <<<"$(cpu_used "$cpu0" "$(cpu_snapshot)" "$secs")"
    result=$(sed -n 's/^RESULT //p' "$out")
    [[ -n "$result" ]] || die "wrk ($name) printed no result: $(tail -5 "$out")"
    first=$(sed -n 's/^FIRST_ERROR //p' "$out")
    if [[ -n "$first" ]]; then
        log "($name) errors during the run; first: ${first:0:400}"
    fi
    [[ $round != 0 ]] || return 0
    log "($name) T=$t round $round: $result (cores: others $other, service $svc, postgres $pg, wrk $gen)"
    record "$t" "$name" "$round" "$(field rps "$result")" "$(field p50_ms "$result")" "$(field p99_ms "$result")" \
        "$(( $(field non200 "$result") + $(field gql_errors "$result") + $(field socket_errors "$result") ))" \
        "$other" "$svc" "$pg" "$gen"
}

# run_pgbench <T> <seconds> <round; 0 = warm-up, not recorded>
run_pgbench() {
    local t=$1 secs=$2 round=$3 out tps failed pct cpu0 other svc pg gen logs
    out="$OUT/pgbench-T$t-$([[ $round == 0 ]] && echo warmup || echo "r$round").txt"
    logs="$OUT/pgbench-log-T$t-r$round"
    local args=(-n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$secs" -D ntenants="$t" -f "$HERE/read_a.pgbench"
        -h "$HOST" -p "$PG_PORT" -U shegong_app)
    if [[ $round != 0 ]]; then
        rm -rf "$logs" && mkdir -p "$logs"
        args+=(-l --log-prefix="$logs/tx")
    fi
    [[ $round == 0 ]] || quiet_gate
    cpu0=$(cpu_snapshot)
    PGPASSWORD=$DB_PASSWORD timeout $((secs + 60)) pgbench "${args[@]}" "$DB_NAME" >"$out" 2>&1 \
        || die "pgbench failed: $(tail -5 "$out")"
    read -r other svc pg gen <<<"$(cpu_used "$cpu0" "$(cpu_snapshot)" "$secs")"
    [[ $round != 0 ]] || return 0
    tps=$(awk '/^tps = / { print $3; exit }' "$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
    # per-transaction log lines: client tx latency_us script epoch epoch_us
    pct=$(cat "$logs"/tx* | awk '{print $3}' | sort -n | awk '
        { v[NR] = $1 }
        END { i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999);
              printf "%.2f %.2f", v[i50] / 1000, v[i99] / 1000 }')
    rm -rf "$logs"
    log "(pgbench) T=$t round $round: tps=$tps p50/p99 ms=$pct failed=${failed:-0} (cores: others $other, service $svc, postgres $pg, pgbench $gen)"
    record "$t" pgbench "$round" "$tps" "${pct% *}" "${pct#* }" "${failed:-0}" "$other" "$svc" "$pg" "$gen"
}

machine() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "postgresql: $(pg_super -d postgres -Atc 'SHOW server_version') (shared_buffers $(pg_super -d postgres -Atc 'SHOW shared_buffers'), max_connections $(pg_super -d postgres -Atc 'SHOW max_connections'))"
    echo "java: $("$JAVA" -version 2>&1 | awk 'NR == 1') ($JAVA_OPTS)"
    echo "wrk: $( (wrk --version 2>&1 || true) | awk 'NR == 1 { print $1, $2 }')"
    echo "load: wrk -t$THREADS -c$CONNECTIONS and pgbench -j$THREADS -c$CONNECTIONS, ${DURATION}s per run, $ROUNDS rounds, warm-up $WARMUP_ROUNDS x ${WARMUP}s per workload"
}

summary() {
    local f="$OUT/summary.md"
    {
        echo '```'
        machine
        echo '```'
        echo
        awk -F'\t' '{ printf "T=%s: database %s after loading (%s stations, %s social workers)\n", $1, $2, $3, $4 }' \
            "$OUT/database.tsv"
        echo
        echo "Median of $ROUNDS rounds by req/s (that round's p50/p99); errors summed over the rounds."
        echo
        echo "CPU: average cores used during that round by the service, PostgreSQL, the load generator"
        echo "(wrk or pgbench) and everything else on the machine."
        echo
        echo '| tenants | workload | req/s | p50 ms | p99 ms | req/s, all rounds | errors | CPU service / postgres / load gen / others |'
        echo '|---:|---|---:|---:|---:|---|---:|---|'
        sort -t$'\t' -k1,1n -k2,2 -k4,4g "$OUT/results.tsv" | awk -F'\t' '
            function name(w) {
                if (w == "a") return "(a) GraphQL 50-station page"
                if (w == "b") return "(b) GraphQL node(id:)"
                if (w == "c") return "(c) GraphQL recordSupervisionVisit"
                return "(a) as SQL, pgbench"
            }
            function flush() {
                if (n == 0) return
                m = int((n + 1) / 2)
                printf "| %s | %s | %.0f | %.1f | %.1f | %s | %d | %s |\n", t, name(w), rps[m], p50[m], p99[m], all, err, cpu[m]
                if (w == "a") ga[t] = rps[m]
                if (w == "pgbench") pg[t] = rps[m]
            }
            { key = $1 FS $2
              if (key != last) { flush(); n = 0; err = 0; all = ""; last = key; t = $1; w = $2 }
              n++; rps[n] = $4; p50[n] = $5; p99[n] = $6; err += $7
              cpu[n] = sprintf("%.2f / %.2f / %.2f / %.2f", $9, $10, $11, $8)
              all = all (all == "" ? "" : ", ") sprintf("%.0f", $4) }
            END { flush()
                  print ""
                  for (x in ga) if (pg[x] > 0) printf "T=%s: (a) GraphQL req/s / pgbench TPS = %.2f\n", x, ga[x] / pg[x] }'
    } >"$f"
    cat "$f"
}

main() {
    require
    mkdir -p "$OUT"
    : >"$OUT/results.tsv"
    : >"$OUT/database.tsv"
    : >"$OUT/census.tsv"
    build_jar
    local version
    version=$("$JAVA" -version 2>&1 || true)
    [[ "$version" =~ version\ \"(2[5-9]|[3-9][0-9]) ]] || die "$JAVA is not Java 25 or later (set JAVA_HOME)"
    ensure_postgres
    log "output in $OUT"
    for t in $TENANTS; do
        log "=== T=$t tenants"
        prepare_database
        start_service "$t"
        log "loading $t tenants x 100 stations x 5 workers"
        timeout 1800 "${PG_SUPER_CMD[@]}" -d "$DB_NAME" -v tenants="$t" <"$HERE/load.sql" || die "load failed"
        pg_super -d "$DB_NAME" -Atc "SELECT '$t' || E'\t' || pg_size_pretty(pg_database_size(current_database()))
                                      || E'\t' || (SELECT count(*) FROM station) || E'\t' || (SELECT count(*) FROM social_worker)" \
            >>"$OUT/database.tsv"
        REQ_DIR="$OUT/requests-T$t"
        mkdir -p "$REQ_DIR"
        pg_super -d "$DB_NAME" -Atc "SELECT t.code || E'\t' || s.id FROM station s JOIN tenant t ON t.id = s.tenant_id
                                      WHERE t.code LIKE 'bench%' ORDER BY t.code, s.code" >"$REQ_DIR/stations.tsv"
        python3 "$HERE/make_requests.py" --secret "$JWT_SECRET" --stations "$REQ_DIR/stations.tsv" --out "$REQ_DIR" >&2
        check_requests "$t" "$REQ_DIR"
        check_pgbench_script "$t"
        census_statements "$t" "$REQ_DIR"
        log "warm-up: $WARMUP_ROUNDS x (a), (b), (c) ${WARMUP}s each, then pgbench ${WARMUP}s"
        for _ in $(seq 1 "$WARMUP_ROUNDS"); do
            for name in a b c; do
                run_wrk "$t" "$name" "$WARMUP" 0
            done
        done
        run_pgbench "$t" "$WARMUP" 0
        for round in $(seq 1 "$ROUNDS"); do
            for name in a b c; do
                run_wrk "$t" "$name" "$DURATION" "$round"
            done
            run_pgbench "$t" "$DURATION" "$round"
        done
        stop_service
        pg_super -d "$DB_NAME" -Atc "SELECT 'supervision visits recorded: ' || count(*) FROM supervision_visit" >&2
    done
    summary
}

main "$@"

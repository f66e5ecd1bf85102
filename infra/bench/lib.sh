# Shared by the benchmark scripts: a database of its own per build, the service started on it,
# tokens, GraphQL requests and their timing. Sourced after the script sets DB_PASSWORD,
# JWT_SECRET, PORT, OUT, DB_NAME, JAR, JAR_BEFORE, JAVA_HOME, REPEATS and LABELS.

URL=http://127.0.0.1:$PORT
SVC_PID=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
pg_super() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
stop_service() { if [[ -n "$SVC_PID" ]]; then kill "$SVC_PID" 2>/dev/null || true; wait "$SVC_PID" 2>/dev/null || true; fi; SVC_PID=""; }
drop_all() { for l in "${LABELS[@]}"; do pg_super -c "DROP DATABASE IF EXISTS ${DB_NAME}_$l WITH (FORCE)" >/dev/null 2>&1 || true; done; }
jar_of() { if [[ "$1" == before ]]; then echo "$JAR_BEFORE"; else echo "$JAR"; fi; }

create_database() {  # create_database NAME
    pg_super <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shegong_owner') THEN CREATE ROLE shegong_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shegong_app') THEN CREATE ROLE shegong_app LOGIN NOSUPERUSER NOBYPASSRLS; END IF;
END \$\$;
ALTER ROLE shegong_owner PASSWORD '$DB_PASSWORD';
ALTER ROLE shegong_app PASSWORD '$DB_PASSWORD';
DROP DATABASE IF EXISTS $1 WITH (FORCE);
CREATE DATABASE $1 OWNER shegong_owner;
\c $1
ALTER SCHEMA public OWNER TO shegong_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO shegong_app;
SQL
}

start_service() {  # start_service LABEL: the build of that label on its database
    DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/${DB_NAME}_$1 DATASOURCE_USERNAME=shegong_app \
    DATASOURCE_PASSWORD=$DB_PASSWORD MIGRATION_USERNAME=shegong_owner MIGRATION_PASSWORD=$DB_PASSWORD \
    JWT_SECRET=$JWT_SECRET PORT=$PORT GRAPHIQL_ENABLED=false DEMO_DATA=false \
    SHEGONG_GRAPHQL_STATEMENT_COUNT=${STATEMENT_COUNT:-false} \
        "$JAVA_HOME/bin/java" -Xmx1g -jar "$(jar_of "$1")" >>"$OUT/service-$1.log" 2>&1 &
    SVC_PID=$!
    for _ in $(seq 1 120); do
        curl -fs "$URL/health" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    log "service did not start"; exit 1
}

token() {  # token SUBJECT TENANT|"" ROLE
    python3 - "$JWT_SECRET" "$1" "$2" "$3" <<'PY'
import base64, hashlib, hmac, json, sys, time
secret, sub, tenant, role = sys.argv[1:]
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
claims = {"sub": sub, "roles": [role], "iat": int(time.time()), "exp": int(time.time()) + 7200}
if tenant:
    claims["tenant"] = tenant
head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
print(head + "." + b64(hmac.new(secret.encode(), head.encode(), hashlib.sha256).digest()))
PY
}

gql() {  # gql TOKEN JSON_BODY -> response on stdout
    curl -s "$URL/graphql" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$2"
}

# The bench bureau on a template's profile, in force from a day: created through the API as
# onboarding does, so that the registry loaded by SQL afterwards sits under a real profile.
create_bureau() {  # create_bureau TEMPLATE EFFECTIVE_FROM
    local platform admin draft
    platform=$(token platform:bench "" PLATFORM_ADMIN)
    admin=$(token bench:admin bench TENANT_ADMIN)
    gql "$platform" '{"query":"mutation{createTenant(input:{code:\"bench\",nameZh:\"基准测试局\",nameEn:\"Bench\",level:CITY,region:\"bench\"}){tenant{id}}}"}' >/dev/null
    draft=$(gql "$admin" "{\"query\":\"mutation{createPolicyDraft(input:{fromTemplate:\\\"$1\\\"}){profile{id}}}\"}" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["createPolicyDraft"]["profile"]["id"])')
    gql "$admin" "{\"query\":\"mutation{publishPolicyProfile(input:{id:\\\"$draft\\\",version:1,effectiveFrom:\\\"$2\\\"}){profile{revision}}}\"}" >/dev/null
}

time_one() {  # time_one TOKEN BODY -> seconds
    curl -s -o /dev/null -w '%{time_total}\n' "$URL/graphql" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$2"
}

median_ms() {  # median_ms TOKEN BODY: REPEATS sequential requests after 5 unmeasured ones
    for _ in 1 2 3 4 5; do time_one "$1" "$2" >/dev/null; done
    for _ in $(seq 1 "$REPEATS"); do time_one "$1" "$2"; done | sort -n | sed -n "$(( (REPEATS + 1) / 2 ))p" \
        | awk '{printf "%.1f", $1 * 1000}'
}

statements() {  # statements TOKEN BODY -> the SQL statements the request ran (extensions.sqlStatements)
    gql "$1" "$2" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert "errors" not in d, d; print(d["extensions"]["sqlStatements"])'
}

# Reads measured round by round, each build in turn on its own database: ORDER names the reads and
# QUERIES holds their bodies; a script that must ask the service first (an id to read) defines
# prepare_queries LABEL, called after each start. The statements each read costs are kept in
# STATEMENTS[label.read] and every median in $OUT/rounds.tsv.
declare -A STATEMENTS
measure_rounds() {
    : >"$OUT/rounds.tsv"
    for round in $(seq 1 "$ROUNDS"); do
        for label in "${LABELS[@]}"; do
            start_service "$label"
            if declare -F prepare_queries >/dev/null; then prepare_queries "$label"; fi
            for q in "${ORDER[@]}"; do
                STATEMENTS[$label.$q]=$(statements "$ADMIN" "${QUERIES[$q]}")
                for _ in $(seq 1 "$WARMUP"); do time_one "$ADMIN" "${QUERIES[$q]}" >/dev/null; done
            done
            for q in "${ORDER[@]}"; do
                printf '%s\t%s\t%s\t%s\n' "$round" "$label" "$q" "$(median_ms "$ADMIN" "${QUERIES[$q]}")" | tee -a "$OUT/rounds.tsv" >&2
            done
            stop_service
        done
    done
}

summary() {  # summary DATA_LINE: the medians over rounds and the statements, as BENCHMARKS.md shows them
    local median
    {
        echo "data: $1; $ROUNDS rounds, medians over rounds"
        echo
        printf '| read (warm, median of %s sequential) |' "$REPEATS"; for l in "${LABELS[@]}"; do printf ' %s |' "$l"; done; echo
        printf '| --- |'; for _ in "${LABELS[@]}"; do printf ' --- |'; done; echo
        for q in "${ORDER[@]}"; do
            printf '| %s |' "$q"
            for l in "${LABELS[@]}"; do
                median=$(awk -F'\t' -v l="$l" -v q="$q" '$2 == l && $3 == q {print $4}' "$OUT/rounds.tsv" | sort -n \
                    | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
                printf ' %s ms, %s statements |' "$median" "${STATEMENTS[$l.$q]}"
            done
            echo
        done
        echo
        echo "rounds (round, build, read, warm ms):"
        sed 's/^/    /' "$OUT/rounds.tsv"
    } | tee "$OUT/summary.md"
}

#!/usr/bin/env bash
# Two builds of the service against each other in one sitting: run.sh for the old jar and the
# new one in turn (old, new, old, new, ...), then both jars' medians side by side, the spread
# between runs of the same jar, and the statements each request kind sends.
#
#   OLD_JAR=/tmp/old.jar NEW_JAR=target/shegong-0.1.0-SNAPSHOT.jar infra/bench/compare.sh
#   OLD_LABEL=734af17 NEW_LABEL=$(git rev-parse --short HEAD) PAIRS=2 ROUNDS=2 ... infra/bench/compare.sh
#
# Build the old jar in a worktree of its commit, e.g.
#   git worktree add /tmp/wt-old <commit> && (cd /tmp/wt-old && ./mvnw -B -q -DskipTests package)
#
# Why it is built this way:
# - Alternating runs: the machine is shared and its load drifts over minutes. Runs of the two
#   jars interleaved see the same drift; all of one jar and then all of the other would
#   measure the drift as a difference between the jars.
# - Every run is a fresh run.sh: a new database, a new JVM, its own warm-up. The spread between
#   runs of the same jar is then this setup's own noise (JIT, data placement, others' work),
#   the yardstick for the difference between the jars. One long run per jar would hide it.
# - TENANTS=5 only: loading 500 tenants takes minutes per run and the data-layer change does
#   not depend on the number of tenants (BENCHMARKS.md: single reads and writes do not slow
#   down with it); the run must fit in about 35 minutes.
# - The wait for quiet is shortened (QUIET_WAIT 30 s instead of 90 s): with four measured runs
#   per run.sh it could otherwise add 6 minutes each time. A run disturbed anyway shows it in
#   the "others" CPU, which the table reports.
# - SQL_CENSUS=1: PostgreSQL's own count of the statements per request (BEGIN, SAVEPOINT and
#   COMMIT included), because what `extensions.sqlStatements` counts depends on the build's
#   code and so differs between the jars for the same statements.
# - A time budget (BUDGET s): no pair is started that would not finish in it, judging by the
#   longest pair so far; the table then says how many pairs it is made of.
#
# Settings: OLD_JAR, NEW_JAR (required), OLD_LABEL, NEW_LABEL, PAIRS (3), ROUNDS (1),
# DURATION (15), WARMUP (20), WARMUP_ROUNDS (1), QUIET_WAIT (30), TENANTS (5), BUDGET (2100),
# SQL_CENSUS (1), OUT; the rest as run.sh. The table is printed and written to
# $OUT/compare.md; $OUT/<n>-<old|new>/ holds each run.sh output.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

: "${OLD_JAR:?set OLD_JAR to the old build's jar}"
: "${NEW_JAR:?set NEW_JAR to the new build's jar}"
OLD_JAR=$(realpath "$OLD_JAR")
NEW_JAR=$(realpath "$NEW_JAR")
[[ -f "$OLD_JAR" ]] || { echo "no $OLD_JAR" >&2; exit 1; }
[[ -f "$NEW_JAR" ]] || { echo "no $NEW_JAR" >&2; exit 1; }
OLD_LABEL=${OLD_LABEL:-old}
NEW_LABEL=${NEW_LABEL:-new}
PAIRS=${PAIRS:-3}
BUDGET=${BUDGET:-2100}
OUT=${OUT:-/tmp/shegong-compare-$(date +%Y%m%d-%H%M%S)}
PG_CLUSTER=${PG_CLUSTER:-"15 main"}
PG_PORT=${PG_PORT:-5432}
export ROUNDS=${ROUNDS:-1} DURATION=${DURATION:-15} WARMUP=${WARMUP:-20} WARMUP_ROUNDS=${WARMUP_ROUNDS:-1}
export QUIET_WAIT=${QUIET_WAIT:-30} TENANTS=${TENANTS:-5} SQL_CENSUS=${SQL_CENSUS:-1}
export PG_CLUSTER PG_PORT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# run.sh starts PostgreSQL when it is down and stops it again at its end; started once here
# instead, every run finds the same warm cluster.
STARTED_PG=0
if ! pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
    log "starting PostgreSQL cluster $PG_CLUSTER"
    # shellcheck disable=SC2086
    pg_ctlcluster $PG_CLUSTER start
    STARTED_PG=1
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 0.5; done
fi
stop_pg() {
    if [[ $STARTED_PG == 1 ]]; then
        log "stopping the PostgreSQL cluster this script started"
        # shellcheck disable=SC2086
        pg_ctlcluster $PG_CLUSTER stop >/dev/null 2>&1 || true
    fi
}
trap stop_pg EXIT

mkdir -p "$OUT"
{
    echo "old: $OLD_LABEL ($OLD_JAR, sha256 $(sha256sum "$OLD_JAR" | cut -c1-12))"
    echo "new: $NEW_LABEL ($NEW_JAR, sha256 $(sha256sum "$NEW_JAR" | cut -c1-12))"
} >"$OUT/jars.txt"
log "output in $OUT; $PAIRS pairs of run.sh (old, then new), TENANTS=$TENANTS ROUNDS=$ROUNDS" \
    "DURATION=$DURATION WARMUP=${WARMUP_ROUNDS}x$WARMUP QUIET_WAIT=$QUIET_WAIT, budget ${BUDGET}s"

start=$SECONDS longest=0 done_pairs=0 failed=""
for pair in $(seq 1 "$PAIRS"); do
    if ((pair > 1 && SECONDS - start + longest * 11 / 10 > BUDGET)); then
        log "pair $pair would end after the ${BUDGET}s budget (a pair takes up to ${longest}s): stopping at $done_pairs pairs"
        break
    fi
    t0=$SECONDS
    for which in old new; do
        jar=$OLD_JAR
        [[ $which == new ]] && jar=$NEW_JAR
        dir="$OUT/$pair-$which"
        log "pair $pair: $which ($jar)"
        if ! JAR=$jar OUT=$dir "$HERE/run.sh" >"$dir.log" 2>&1; then
            failed="run $pair-$which failed: $(grep -m1 'ERROR' "$dir.log" || tail -1 "$dir.log") (log $dir.log)"
            log "$failed"
            break 2
        fi
        grep -E '\((a|b|c|pgbench)\) T=.* round|checks passed|census' "$dir.log" | sed 's/^/    /' >&2 || true
    done
    done_pairs=$pair
    if ((SECONDS - t0 > longest)); then longest=$((SECONDS - t0)); fi
done
log "done in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"

python3 - "$OUT" "$OLD_LABEL" "$NEW_LABEL" "$done_pairs" "$failed" <<'PY' | tee "$OUT/compare.md"
import glob, os, re, statistics, sys

out, labels, pairs, failed = sys.argv[1], {"old": sys.argv[2], "new": sys.argv[3]}, int(sys.argv[4]), sys.argv[5]
KINDS = [("a", "(a) 50-station page"), ("b", "(b) node(id:)"), ("c", "(c) recordSupervisionVisit"),
         ("pgbench", "(a) as SQL, pgbench")]

# results.tsv: tenants, workload, round, req/s, p50, p99, errors, others, service, postgres, load gen
runs = {"old": [], "new": []}      # per jar: one dict per run.sh: kind -> list of rounds
census = {"old": {}, "new": {}}    # per jar: kind -> set of "pg\town\tbreakdown"
logs = {"old": [], "new": []}      # per jar: service log lines at WARN or ERROR, per run
for d in sorted(glob.glob(os.path.join(out, "*-old")) + glob.glob(os.path.join(out, "*-new")),
                key=lambda p: (int(os.path.basename(p).split("-")[0]), os.path.basename(p).endswith("new"))):
    which = d.rsplit("-", 1)[1]
    if int(os.path.basename(d).split("-")[0]) > pairs:
        continue
    res = {}
    with open(os.path.join(d, "results.tsv")) as f:
        for line in f:
            v = line.rstrip("\n").split("\t")
            res.setdefault(v[1], []).append({"rps": float(v[3]), "p50": float(v[4]), "p99": float(v[5]),
                                             "err": int(v[6]), "others": float(v[7]), "svc": float(v[8]),
                                             "pg": float(v[9])})
    runs[which].append(res)
    cpath = os.path.join(d, "census.tsv")
    if os.path.exists(cpath):
        with open(cpath) as f:
            for line in f:
                t, kind, total, words, own = line.rstrip("\n").split("\t")
                census[which].setdefault(kind, set()).add((total, own, " ".join(sorted(words.split()))))
    bad = []
    for lp in glob.glob(os.path.join(d, "service-T*.log")):
        with open(lp, errors="replace") as f:
            bad += [l.rstrip() for l in f if re.search(r"\b(WARN|ERROR)\b|Exception", l)]
    logs[which].append(bad)

def med(xs):
    return statistics.median(xs) if xs else float("nan")

def samples(which, kind):
    """Per run: the median round (by req/s) of that run."""
    per_run = []
    for res in runs[which]:
        rounds = sorted(res.get(kind, []), key=lambda r: r["rps"])
        if rounds:
            per_run.append(rounds[(len(rounds) - 1) // 2])
    return per_run

def spread(xs):
    return (max(xs) - min(xs)) / med(xs) * 100 if len(xs) > 1 else float("nan")

n_old, n_new = len(runs["old"]), len(runs["new"])
print("# %s against %s\n" % (labels["old"], labels["new"]))
if failed:
    print("**Stopped early:** %s\n" % failed)
print("%d run(s) of each jar, alternating (old first); each run: TENANTS=%s, ROUNDS=%s x %s s per workload "
      "after a warm-up of %s x %s s. Medians over the runs; \"runs\" lists every run's req/s in order; "
      "\"spread\" is (max - min) / median between runs of the same jar, the setup's own noise.\n"
      % (min(n_old, n_new), os.environ.get("TENANTS"), os.environ.get("ROUNDS"), os.environ.get("DURATION"),
         os.environ.get("WARMUP_ROUNDS"), os.environ.get("WARMUP")))
print("| workload | jar | req/s | p50 ms | p99 ms | req/s, runs | spread | errors | CPU ms/req service / postgres | cores others (max) |")
print("|---|---|---:|---:|---:|---|---:|---:|---|---|")
verdict = []
for kind, name in KINDS:
    meds = {}
    for which in ("old", "new"):
        s = samples(which, kind)
        if not s:
            continue
        rps = [r["rps"] for r in s]
        meds[which] = (rps, s)
        svc_ms = med([r["svc"] / r["rps"] * 1000 for r in s])
        pg_ms = med([r["pg"] / r["rps"] * 1000 for r in s])
        errors = sum(sum(x["err"] for x in res.get(kind, [])) for res in runs[which])
        print("| %s | %s | %.0f | %.1f | %.1f | %s | %.0f %% | %d | %s / %.2f | %.2f (%.2f) |" % (
            name, labels[which], med(rps), med([r["p50"] for r in s]), med([r["p99"] for r in s]),
            ", ".join("%.0f" % x for x in rps), spread(rps), errors,
            "-" if kind == "pgbench" else "%.2f" % svc_ms, pg_ms,
            med([r["others"] for r in s]), max(r["others"] for r in s)))
    if len(meds) == 2:
        (o, os_), (n, ns) = meds["old"], meds["new"]
        ratios = ["%.2f" % (ns[i]["rps"] / os_[i]["rps"]) for i in range(min(len(o), len(n)))]
        change = (med(n) / med(o) - 1) * 100
        noise = max(spread(o), spread(n))
        overlap = not (max(n) < min(o) or min(n) > max(o))
        if overlap:
            call = "within the noise (the two jars' runs overlap)"
        elif abs(change) <= noise:
            call = "the runs do not overlap, but the change is no larger than the noise"
        else:
            call = "new %s beyond the noise" % ("slower" if change < 0 else "faster")
        verdict.append("- %s: new/old %+.0f %% (medians %.0f -> %.0f req/s); new/old per pair %s; noise "
                       "(the larger spread of the two jars) %.0f %%: %s" % (
                           name, change, med(o), med(n), ", ".join(ratios), noise, call))
print()
print("\n".join(verdict))
print()
print("pgbench sends the same SQL for both jars: its difference between them is the machine's drift.")
print()
print("Statements per request, counted by PostgreSQL (log_statement = 'all'; one request of each kind, "
      "sent twice, the second counted) and by the service itself (`extensions.sqlStatements`):\n")
print("| workload | jar | PostgreSQL | by first word | service's own count |")
print("|---|---|---:|---|---:|")
for kind, name in KINDS[:3]:
    for which in ("old", "new"):
        for total, own, words in sorted(census[which].get(kind, [])):
            print("| %s | %s | %s | %s | %s |" % (name, labels[which], total, words, own))
print()
for which in ("old", "new"):
    counts = [len(b) for b in logs[which]]
    print("Service log, %s: %s line(s) at WARN/ERROR or with an exception per run%s" % (
        labels[which], ", ".join(map(str, counts)) or "-",
        "" if not any(counts) else "; first: " + next(b[0] for b in logs[which] if b)[:300]))
PY
[[ -z "$failed" ]]

#!/usr/bin/env python3
"""Writes the wrk request files for infra/bench/run.sh (python3 standard library only).

    make_requests.py --secret S --stations stations.tsv --out DIR [--per-tenant K]

stations.tsv: `<tenant code>\t<station uuid>` lines. For every tenant this mints an HS256 JWT
({"sub": "bench:<code>", "tenant": "<code>", "roles": ["TENANT_ADMIN"], "iat": now,
"exp": now + 3600}) and writes, one `<JWT>\t<JSON body>` line per request:

  DIR/a.tsv  the 50-station page with divisions and current workers, one line per tenant
  DIR/b.tsv  node(id:) of a station, K stations per tenant
  DIR/c.tsv  recordSupervisionVisit on a station, K stations per tenant

`make_requests.py token --secret S --tenant CODE` prints one token.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import sys
import time
import uuid

QUERY_A = ("query($first:Int){stations(first:$first){edges{node{id code name "
           "division{nameZh parent{nameZh}} assignments{role worker{name certificateLevel}}}}}}")
QUERY_B = ("query($id:ID!){node(id:$id){id ... on Station{code name status operatingMode address}}}")
MUTATION_C = ("mutation($input:RecordSupervisionVisitInput!){recordSupervisionVisit(input:$input){visit{id}}}")


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def compact(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def jwt(secret: str, tenant: str, now: int) -> str:
    header = b64url(compact({"alg": "HS256", "typ": "JWT"}))
    claims = b64url(compact({"sub": "bench:" + tenant, "tenant": tenant, "roles": ["TENANT_ADMIN"],
                             "exp": now + 3600, "iat": now}))
    signing_input = (header + "." + claims).encode("ascii")
    signature = hmac.new(secret.encode("utf-8"), signing_input, hashlib.sha256).digest()
    return header + "." + claims + "." + b64url(signature)


def global_id(type_name: str, id_: str) -> str:
    return b64url((type_name + ":" + str(uuid.UUID(id_))).encode("utf-8"))


def body(query: str, variables: dict) -> str:
    return compact({"query": query, "variables": variables}).decode("utf-8")


def main(argv):
    if argv and argv[0] == "token":
        p = argparse.ArgumentParser(prog="make_requests.py token")
        p.add_argument("--secret", required=True)
        p.add_argument("--tenant", required=True)
        a = p.parse_args(argv[1:])
        print(jwt(a.secret, a.tenant, int(time.time())))
        return 0

    p = argparse.ArgumentParser()
    p.add_argument("--secret", required=True)
    p.add_argument("--stations", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--per-tenant", type=int, default=0,
                   help="stations per tenant in b/c (default: about 2000 lines in all, 4..100 per tenant)")
    a = p.parse_args(argv)

    stations = {}
    with open(a.stations, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            code, sid = line.split("\t")
            stations.setdefault(code, []).append(sid)
    if not stations:
        print("no stations in " + a.stations, file=sys.stderr)
        return 1
    per_tenant = a.per_tenant or max(4, min(100, 2000 // len(stations)))

    now = int(time.time())
    # Supervision visits must not be in the future: the fixed date, or today if that is earlier.
    visited_on = min(datetime.date(2026, 11, 1), datetime.date.today()).isoformat()
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "a.tsv"), "w", encoding="utf-8") as fa, \
            open(os.path.join(a.out, "b.tsv"), "w", encoding="utf-8") as fb, \
            open(os.path.join(a.out, "c.tsv"), "w", encoding="utf-8") as fc:
        for code in sorted(stations, key=lambda c: (len(c), c)):
            token = jwt(a.secret, code, now)
            fa.write(token + "\t" + body(QUERY_A, {"first": 50}) + "\n")
            ids = stations[code]
            for sid in ids[::max(1, len(ids) // per_tenant)][:per_tenant]:
                gid = global_id("Station", sid)
                fb.write(token + "\t" + body(QUERY_B, {"id": gid}) + "\n")
                fc.write(token + "\t" + body(MUTATION_C, {"input": {
                    "stationId": gid, "visitedOn": visited_on, "supervisor": "bench", "findings": "bench"}}) + "\n")
    print("tenants=%d stations_per_tenant=%d" % (len(stations), per_tenant))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

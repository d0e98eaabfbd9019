#!/usr/bin/env bash
# `rackwatch list snapshots --format json` against curl fetching the same pages (issue 17),
# side by side in one run, on one simulator with 20,000 snapshots (loopback, fixed token and
# endpoint given, so neither side signs in).
#
# curl gets the exact page URLs rackwatch asks for (found once beforehand by following the
# next links with python3, outside the timing) in one invocation, one connection, bodies to
# /dev/null. Each side runs RUNS times, alternating; medians are reported, and the items
# rackwatch printed are counted.
#
# curl sends the Cinder microversion rackwatch negotiates (the server's maximum, at most
# 3.71: the simulator's 3.71 bodies carry three more fields per snapshot, 15% more bytes than
# at 3.0), so both read the same bytes; CURL_MICROVERSION=3.0 gives the comparison of the
# first rounds of issue 17, where curl read the smaller 3.0 bodies.
#
# Usage: scripts/bench-list-vs-curl.sh
#   RACKWATCH_BIN=path   use this binary instead of building (release, .build-release)
#   SNAPSHOTS=20000  RUNS=7  CURL_MICROVERSION=3.71
#   BUILD_FLAGS=--static-swift-stdlib SCRATCH=.build-static   a statically linked runtime
set -euo pipefail

cd "$(dirname "$0")/.."
SNAPSHOTS=${SNAPSHOTS:-20000}
RUNS=${RUNS:-7}
SCRATCH=${SCRATCH:-.build-release}
WORK=$(mktemp -d /tmp/rackwatch-listbench.XXXXXX)
SIM_PID=""
cleanup() {
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [[ -n "${RACKWATCH_BIN:-}" ]]; then
  BIN=$RACKWATCH_BIN
else
  # shellcheck disable=SC2086
  swift build -c release ${BUILD_FLAGS:-} --scratch-path "$SCRATCH" --product rackwatch >&2
  # shellcheck disable=SC2086
  BIN=$(swift build -c release ${BUILD_FLAGS:-} --scratch-path "$SCRATCH" --show-bin-path)/rackwatch
fi
BIN=$(realpath "$BIN")
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/.config"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TOKEN=bench-token
"$BIN" simulator --port "$PORT" --snapshots "$SNAPSHOTS" --backups 10 --regions DFW \
  --in-motion 0 --fixed-token "$TOKEN" > "$WORK/sim.log" 2>&1 &
SIM_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 200); do curl -sf "$BASE/_sim/stats" > /dev/null && break; sleep 0.05; done
TENANT=$(python3 - "$BASE" "$TOKEN" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/_sim/stats")
print(json.load(urllib.request.urlopen(req)).get("tenant", "6f70656e737461636b70726f6a656374"))
PY
)
ENDPOINT="$BASE/dfw/volume/v3/$TENANT"

# The page URLs rackwatch asks for: limit 1000, marker = last id, as the next links say.
python3 - "$ENDPOINT" "$TOKEN" > "$WORK/urls.txt" <<'PY'
import json, sys, urllib.request
endpoint, token = sys.argv[1], sys.argv[2]
url = endpoint + "/snapshots/detail?limit=1000"
while url:
    print("url = \"%s\"" % url)
    print("output = \"/dev/null\"")
    req = urllib.request.Request(url, headers={"X-Auth-Token": token})
    body = json.load(urllib.request.urlopen(req))
    nxt = [l["href"] for l in body.get("snapshots_links", []) if l.get("rel") == "next"]
    url = None
    if nxt and body["snapshots"]:
        q = nxt[0].split("?", 1)[1]
        url = endpoint + "/snapshots/detail?" + q
PY
PAGES=$(grep -c '^url' "$WORK/urls.txt")
# The microversion rackwatch asks for: min(server maximum, 3.71) from the version document.
MICROVERSION=${CURL_MICROVERSION:-$(python3 - "$BASE/dfw/volume/v3/" "$TOKEN" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"X-Auth-Token": sys.argv[2]})
doc = json.load(urllib.request.urlopen(req))
key = lambda v: tuple(int(p) for p in v.split("."))
found = [v["version"] for v in doc.get("versions", []) if v.get("id", "").lower().startswith("v3") and v.get("version")]
print(min(max(found, key=key), "3.71", key=key) if found else "3.0")
PY
)}
CURL_BYTES=$(curl -s -H "X-Auth-Token: $TOKEN" -H "OpenStack-API-Version: volume $MICROVERSION" \
  -K "$WORK/urls.txt" -w '%{size_download}\n' | awk '{n += $1} END {print n}')

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
curl_ms=(); rack_ms=(); rack_cpu=()
for _ in $(seq 1 "$RUNS"); do
  t=$(now_ns)
  curl -s -H "X-Auth-Token: $TOKEN" -H "OpenStack-API-Version: volume $MICROVERSION" \
    -K "$WORK/urls.txt"
  curl_ms+=($(( ($(now_ns) - t) / 1000000 )))
  t=$(now_ns)
  /usr/bin/time -f "%U %S" -o "$WORK/time.txt" "$BIN" list snapshots --format json \
    --token "$TOKEN" --endpoint "volume=$ENDPOINT" --region DFW > /dev/null
  rack_ms+=($(( ($(now_ns) - t) / 1000000 )))
  rack_cpu+=($(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/time.txt"))
done
# Both sides write to /dev/null while timed; one more run, untimed, counts what rackwatch prints.
"$BIN" list snapshots --format json --token "$TOKEN" --endpoint "volume=$ENDPOINT" --region DFW \
  > "$WORK/out.json"
ITEMS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/out.json")
C=$(printf '%s\n' "${curl_ms[@]}" | median)
R=$(printf '%s\n' "${rack_ms[@]}" | median)
U=$(printf '%s\n' "${rack_cpu[@]}" | median)
echo "list snapshots --format json vs curl, $SNAPSHOTS snapshots, $PAGES pages, $RUNS runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "curl (same $PAGES pages, one connection, microversion $MICROVERSION, $CURL_BYTES bytes):"
echo "                                           median ${C} ms   (${curl_ms[*]})"
echo "rackwatch list ($ITEMS items printed):      median ${R} ms   (${rack_ms[*]}), CPU median ${U} ms"
awk -v r="$R" -v c="$C" 'BEGIN { printf "ratio rackwatch / curl: %.2fx (target <= 2x)\n", r / c }'

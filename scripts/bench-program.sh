#!/usr/bin/env bash
# Whole-program figures for rackwatch (issue #7): --version start time, time to first frame
# of --demo in tmux, CPU of an idle and of a busy demo over 30 s (and the requests it made),
# and `rackwatch list snapshots --format json` against `openstack volume snapshot list -f json`
# on one simulator with 20,000 snapshots.
#
# Usage: scripts/bench-program.sh [--quick]
#   RACKWATCH_BIN=path   use this binary instead of building
#   SCRATCH=.build-release   SwiftPM scratch path of the release build
#   CPU_SECONDS=30           length of each CPU window (--quick: 5)
#   OPENSTACK=path           the openstack CLI (default: on PATH, /tmp/peers/clients/bin,
#                            else installed from PyPI into a private venv)
# Loopback only; every background process and the private tmux server are stopped on exit.
set -euo pipefail

cd "$(dirname "$0")/.."
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
CPU_SECONDS=${CPU_SECONDS:-$([[ $QUICK == 1 ]] && echo 5 || echo 30)}
SCRATCH=${SCRATCH:-.build-release}
WORK=$(mktemp -d /tmp/rackwatch-bench.XXXXXX)
export TMUX_TMPDIR="$WORK/tmux"
mkdir -p "$TMUX_TMPDIR" "$WORK/home"
TMUX=(tmux -L rackwatch-bench -f /dev/null)
SIM_PID=""

cleanup() {
  "${TMUX[@]}" kill-server 2>/dev/null || true
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------- helpers
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else print a[int((NR+1)/2)]}'; }
TICKS=$(getconf CLK_TCK)
# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ROWS=()
row() { ROWS+=("$(printf '| %-74s | %-22s | %-14s | %-6s |' "$1" "$2" "$3" "$4")"); }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { if (v == "nan") { print "-"; exit }
  ok = (op == "<") ? (v < t) : (v >= t); print ok ? "PASS" : "MISS" }'; }

# ---------------------------------------------------------------- build
if [[ -n "${RACKWATCH_BIN:-}" ]]; then
  BIN=$RACKWATCH_BIN
else
  echo "building release rackwatch (scratch path $SCRATCH)..." >&2
  swift build -c release --scratch-path "$SCRATCH" --product rackwatch >&2
  BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/rackwatch
fi
BIN=$(realpath "$BIN")
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config"
unset OS_CLOUD OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_TOKEN RS_API_KEY || true

# ---------------------------------------------------------------- 1. --version
VERSION_RUNS=$([[ $QUICK == 1 ]] && echo 10 || echo 50)
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$VERSION_RUNS" --export-json "$WORK/hf.json" "$BIN --version" >/dev/null 2>&1
  VERSION_MS=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f %.1f" % (r["median"]*1000, max(r["times"])*1000))' "$WORK/hf.json")
  VERSION_TOOL="hyperfine"
else
  "$BIN" --version >/dev/null
  for _ in $(seq "$VERSION_RUNS"); do
    s=$(now_ns); "$BIN" --version >/dev/null; echo $(( ($(now_ns) - s) / 1000 ))
  done | sort -n > "$WORK/version.txt"
  VERSION_MS=$(awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int((NR+1)/2)]/1000, a[NR]/1000}' "$WORK/version.txt")
  VERSION_TOOL="date loop"
fi
read -r V_MED V_MAX <<<"$VERSION_MS"
row "rackwatch --version ($VERSION_TOOL, $VERSION_RUNS runs)" "$V_MED ms" "max $V_MAX ms" "$(verdict "$V_MED" 50 '<')"

# ---------------------------------------------------------------- tmux demo helpers
# Starts `rackwatch --demo ARGS` in a fresh 200x60 tmux session named $1; prints ms to "DEMO".
start_demo() {
  local name=$1; shift
  local start; start=$(now_ns)
  "${TMUX[@]}" new-session -d -s "$name" -x 200 -y 60 \
    "exec $BIN --demo --log-file $WORK/$name.log $*"
  for _ in $(seq 4000); do
    if "${TMUX[@]}" capture-pane -p -t "$name" 2>/dev/null | grep -q DEMO; then
      ms_since "$start"; return 0
    fi
    sleep 0.005
  done
  echo "nan"
}
demo_pid() { "${TMUX[@]}" list-panes -t "$1" -F '#{pane_pid}'; }
stop_demo() { "${TMUX[@]}" send-keys -t "$1" q 2>/dev/null || true; sleep 0.5; "${TMUX[@]}" kill-session -t "$1" 2>/dev/null || true; }
# The demo logs its simulator's URL; its /_sim/stats counts every request it served.
demo_url() { grep -o 'demo simulator at http://[0-9.:]*' "$WORK/$1.log" 2>/dev/null | tail -1 | awk '{print $4}'; }
sim_requests() { curl -s "$1/_sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])'; }

# ---------------------------------------------------------------- 2. first frame
FRAME_RUNS=$([[ $QUICK == 1 ]] && echo 3 || echo 7)
for i in $(seq "$FRAME_RUNS"); do
  start_demo "frame$i"
  stop_demo "frame$i"
done > "$WORK/frames.txt"
F_MED=$(median < "$WORK/frames.txt")
F_MAX=$(sort -n "$WORK/frames.txt" | tail -1)
row "start to first frame, --demo in tmux ($FRAME_RUNS runs)" "$F_MED ms" "max $F_MAX ms" "$(verdict "$F_MED" 200 '<')"

# ---------------------------------------------------------------- 3. CPU over a window
# $1 session name, $2 label, rest: demo args. Optional hook `prepare_$1` runs before the window.
cpu_window() {
  local name=$1 label=$2; shift 2
  start_demo "$name" "$@" >/dev/null
  local pid url; pid=$(demo_pid "$name")
  url=""
  for _ in $(seq 100); do url=$(demo_url "$name"); [[ -n "$url" ]] && break; sleep 0.1; done
  if declare -f "prepare_$name" >/dev/null; then "prepare_$name" "$url"; fi
  local moving="?"
  [[ -n "$url" ]] && moving=$(jobs_in_motion "$url")
  local t0 r0 t1 r1 s0
  r0=$([[ -n "$url" ]] && sim_requests "$url" || echo "")
  t0=$(cpu_ticks "$pid"); s0=$(now_ns)
  sleep "$CPU_SECONDS"
  t1=$(cpu_ticks "$pid"); local wall_ms; wall_ms=$(ms_since "$s0")
  r1=$([[ -n "$url" ]] && sim_requests "$url" || echo "")
  local pct; pct=$(awk -v d=$((t1 - t0)) -v hz="$TICKS" -v w="$wall_ms" 'BEGIN { printf "%.2f", 100 * d / hz / (w / 1000) }')
  local reqs="unknown (no simulator URL in the log)"
  # /_sim/stats counts itself: one of the two stats calls falls inside the window.
  [[ -n "$r0" && -n "$r1" ]] && reqs="$((r1 - r0 - 1)) requests"
  local result="-"
  [[ "$name" == idle ]] && result=$(verdict "$pct" 0.5 '<')
  row "CPU of --demo over ${CPU_SECONDS} s, $label ($moving jobs in motion)" "$pct % of a core" "$reqs" "$result"
  stop_demo "$name"
}

# Counts backups NEW/BUILDING and snapshots creating/deleting in DFW, the region shown.
jobs_in_motion() {
  python3 - "$1" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
def call(method, url, body=None, token=None):
    req = urllib.request.Request(url, data=json.dumps(body).encode() if body else None, method=method)
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(req) as r:
        return r.headers, json.loads(r.read() or b"{}")
h, body = call("POST", base + "/v3/auth/tokens", {"auth": {"identity": {"methods": ["password"],
  "password": {"user": {"name": "demo", "password": "demo", "domain": {"name": "Default"}}}},
  "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}})
token = h["X-Subject-Token"]
urls = {ep["url"].rstrip("/") for s in body["token"]["catalog"] for ep in s["endpoints"]
        if ep["interface"] == "public" and ep.get("region_id", ep.get("region")) == "DFW"}
n = 0
for url in urls:
    if "/database/" in url:
        _, b = call("GET", url + "/backups?limit=1000", token=token)
        n += sum(x["status"] in ("NEW", "BUILDING") for x in b["backups"])
    elif "/volume/v3" in url:
        _, b = call("GET", url + "/snapshots/detail?limit=1000", token=token)
        n += sum(x["status"] in ("creating", "deleting") for x in b["snapshots"])
print(n)
PY
}

# Starts snapshot jobs through the demo's own simulator until 50 jobs are in motion.
prepare_busy() {
  python3 - "$1" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
def call(method, url, body=None, token=None):
    req = urllib.request.Request(url, data=json.dumps(body).encode() if body else None, method=method)
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(req) as r:
        return r.headers, json.loads(r.read() or b"{}")
h, body = call("POST", base + "/v3/auth/tokens", {"auth": {"identity": {"methods": ["password"],
  "password": {"user": {"name": "demo", "password": "demo", "domain": {"name": "Default"}}}},
  "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}})
token = h["X-Subject-Token"]
cinder = sorted({ep["url"] for s in body["token"]["catalog"] for ep in s["endpoints"]
          if ep["interface"] == "public" and "/volume/v3" in ep["url"]
          and ep.get("region_id", ep.get("region")) == "DFW"})
moving = 0
for url in cinder:
    _, b = call("GET", url + "/snapshots/detail?limit=1000", token=token)
    moving += sum(x["status"] == "creating" for x in b["snapshots"])
i = 0
while moving < 50 and cinder:
    url = cinder[i % len(cinder)]
    _, v = call("GET", url + "/volumes/detail", token=token)
    vol = v["volumes"][i % len(v["volumes"])]["id"]
    call("POST", url + "/snapshots", {"snapshot": {"volume_id": vol, "name": "bench-%d" % i, "force": True}}, token)
    moving += 1; i += 1
PY
  sleep 3  # the demo's next refresh picks them up
}

# Nothing in motion: 1-second jobs, then wait until the seeded ones have settled.
prepare_idle() {
  for _ in $(seq 60); do [[ "$(jobs_in_motion "$1")" == 0 ]] && break; sleep 0.5; done
  sleep 3  # one more refresh, so the demo sees them settled
}
cpu_window idle "idle, nothing in motion" --region DFW --demo-backup-seconds 1 --demo-snapshot-seconds 1
cpu_window busy "jobs in motion" --region DFW --demo-backup-seconds 3600 --demo-snapshot-seconds 3600

# ---------------------------------------------------------------- 4. list vs openstack
OPENSTACK=${OPENSTACK:-$(command -v openstack || true)}
if [[ -z "$OPENSTACK" && -x /tmp/peers/clients/bin/openstack ]]; then OPENSTACK=/tmp/peers/clients/bin/openstack; fi
if [[ -z "$OPENSTACK" ]]; then
  echo "installing python-openstackclient from PyPI into $WORK/venv..." >&2
  python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q python-openstackclient >&2
  OPENSTACK=$WORK/venv/bin/openstack
fi
PORT=$(free_port)
"$BIN" simulator --port "$PORT" --snapshots 20000 --backups 10 --regions DFW >"$WORK/sim.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 300); do curl -s "http://127.0.0.1:$PORT/v3" >/dev/null && break; sleep 0.1; done
AUTH="http://127.0.0.1:$PORT/v3"
time_cmd() { local s; s=$(now_ns); "$@" >"$WORK/out.json" 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; echo nan; return; }; ms_since "$s"; }
count_items() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/out.json" 2>/dev/null || echo "?"; }
RW=("$BIN" list snapshots --format json --auth-url "$AUTH" --username demo --password demo --project demo --region DFW)
OS=("$OPENSTACK" --os-auth-url "$AUTH" --os-identity-api-version 3 --os-username demo --os-password demo
  --os-project-name demo --os-user-domain-name Default --os-project-domain-name Default
  --os-region-name DFW volume snapshot list -f json)
RUNS=1  # the openstack CLI takes tens of seconds here; one run of each, back to back
: > "$WORK/rw.txt"; : > "$WORK/os.txt"
for _ in $(seq "$RUNS"); do
  time_cmd "${RW[@]}" >> "$WORK/rw.txt"; RW_N=$(count_items)
  time_cmd "${OS[@]}" >> "$WORK/os.txt"; OS_N=$(count_items)
done
RW_MS=$(median < "$WORK/rw.txt"); OS_MS=$(median < "$WORK/os.txt")
RATIO=$(awk -v a="$OS_MS" -v b="$RW_MS" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "nan"; else printf "%.1f", a / b }')
row "rackwatch list snapshots --format json ($RW_N items)" "$RW_MS ms" "one run" "-"
row "openstack volume snapshot list -f json ($OS_N items)" "$OS_MS ms" "one run" "-"
row "openstack / rackwatch time, 20,000 snapshots" "${RATIO}x" "" "$(verdict "$RATIO" 10 '>=')"

# ---------------------------------------------------------------- table
echo "rackwatch whole-program figures: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(date -u '+%Y-%m-%d %H:%M UTC'), binary $BIN"
echo "targets: --version < 50 ms; first frame < 200 ms; idle CPU < 0.5% of a core; list >= 10x faster than openstack"
echo
printf '| %-74s | %-22s | %-14s | %-6s |\n' "figure" "median / value" "spread / notes" "result"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..76})" "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..8})"
printf '%s\n' "${ROWS[@]}"

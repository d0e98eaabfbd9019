#!/usr/bin/env bash
# Watching a big account (issue 17): rackwatch's terminal UI left open on one region with
# BACKUPS backups and SNAPSHOTS snapshots, JOBS/2 backups and JOBS/2 snapshots in motion,
# against a simulator in its own process (so the figures are rackwatch's alone).
#
# For each mode (fast refreshes, then RACKWATCH_WHOLE_LISTS=1: every refresh lists
# everything, as before issue 17) it reports: the first full load (start to both counts on
# screen), then over a WINDOW-second window: CPU of the rackwatch process (utime+stime from
# /proc), resident memory at the end (VmRSS) and the requests and bytes the simulator served
# it (/_sim/stats), split into whole-list pages and the rest.
#
# Usage: scripts/bench-watch.sh
#   RACKWATCH_BIN=path  BACKUPS=100000 SNAPSHOTS=100000 JOBS=300 WINDOW=60 MODES="fast whole"
#   SLOW=30   the profile's slow interval (the shortest interval between whole lists)
#   WHOLE=600 the profile's refresh.whole: the longest interval between whole lists (a list
#             costly to read whole is read whole less often: WholeListSchedule)
# Loopback only; the tmux server and the simulator are stopped on exit.
set -euo pipefail

cd "$(dirname "$0")/.."
BACKUPS=${BACKUPS:-100000}
SNAPSHOTS=${SNAPSHOTS:-100000}
JOBS=${JOBS:-300}
WINDOW=${WINDOW:-60}
MODES=${MODES:-"fast whole"}
SLOW=${SLOW:-30}
WHOLE=${WHOLE:-600}
SCRATCH=${SCRATCH:-.build-release}
WORK=$(mktemp -d /tmp/rackwatch-watch.XXXXXX)
export TMUX_TMPDIR="$WORK/tmux"
mkdir -p "$TMUX_TMPDIR" "$WORK/home"
TMUX=(tmux -L rackwatch-watch -f /dev/null)
SIM_PID=""
cleanup() {
  "${TMUX[@]}" kill-server 2>/dev/null || true
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [[ -n "${RACKWATCH_BIN:-}" ]]; then
  BIN=$RACKWATCH_BIN
else
  swift build -c release --scratch-path "$SCRATCH" --product rackwatch >&2
  BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/rackwatch
fi
BIN=$(realpath "$BIN")
TICKS=$(getconf CLK_TCK)
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
now_ns() { date +%s%N; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TOKEN=bench-token
TENANT=6f70656e737461636b70726f6a656374
BASE="http://127.0.0.1:$PORT"
# Jobs last two hours (simulated = real time), so they move through every window.
"$BIN" simulator --port "$PORT" --backups "$BACKUPS" --snapshots "$SNAPSHOTS" --regions DFW \
  --instances $(( JOBS / 2 + JOBS / 4 + 10 )) --volumes 64 --in-motion $(( JOBS / 2 )) \
  --backup-duration 7200 --snapshot-duration 7200 --failure-rate 0 \
  --fixed-token "$TOKEN" > "$WORK/sim.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 600); do curl -sf "$BASE/_sim/stats" > /dev/null && break; sleep 0.1; done
stats() { curl -s "$BASE/_sim/stats"; }

moving=$(stats | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps(d.get("regions", d)))' | head -c 400)
echo "simulator: $BACKUPS backups + $SNAPSHOTS snapshots in DFW; $moving" >&2

run_mode() {
  local mode=$1 whole=0
  [[ $mode == whole ]] && whole=1
  local session="w$mode"
  local before; before=$(stats)
  local start; start=$(now_ns)
  mkdir -p "$WORK/home/.config/rackwatch"
  cat > "$WORK/home/.config/rackwatch/config.yaml" <<YAML
default_profile: bench
profiles:
  bench:
    auth: token
    token: $TOKEN
    endpoints: { database: "$BASE/dfw/database/v1.0/$TENANT", volume: "$BASE/dfw/volume/v3/$TENANT" }
    regions: [DFW]
    refresh: { fast: 2, slow: $SLOW, whole: $WHOLE }
YAML
  chmod 600 "$WORK/home/.config/rackwatch/config.yaml"
  "${TMUX[@]}" new-session -d -s "$session" -x 200 -y 60 \
    "env HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config TERM=tmux-256color RACKWATCH_WHOLE_LISTS=$whole \
     $BIN --profile bench --log-file $WORK/$mode.log"
  local pid=""
  for _ in $(seq 1 100); do
    pid=$(pgrep -f -n "^$BIN --profile bench" || true)
    [[ -n "$pid" ]] && break
    sleep 0.05
  done
  # First full load: both counts on the tab bar (100,000 and 99,999 or 100,000).
  local loaded=""
  for _ in $(seq 1 1200); do
    if [[ $("${TMUX[@]}" capture-pane -p -t "$session" | grep -oE '\b[0-9]{2,3},[0-9]{3}\b' | wc -l) -ge 2 ]]; then
      loaded=$(( ($(now_ns) - start) / 1000000 )); break
    fi
    sleep 0.05
  done
  local first_rss; first_rss=$(rss_mb "$pid")
  sleep 5
  local c0; c0=$(cpu_ticks "$pid")
  local s0; s0=$(stats)
  # /_sim/stats every second, to tell fast ticks from whole lists afterwards.
  : > "$WORK/$mode.samples"
  local end=$(( $(date +%s) + WINDOW ))
  while (( $(date +%s) < end )); do
    sleep 1
    stats >> "$WORK/$mode.samples"; echo >> "$WORK/$mode.samples"
  done
  local c1; c1=$(cpu_ticks "$pid")
  local s1; s1=$(stats)
  local rss; rss=$(rss_mb "$pid")
  "${TMUX[@]}" capture-pane -p -t "$session" | head -4 | cut -c1-160 >&2
  "${TMUX[@]}" kill-session -t "$session" 2>/dev/null || true
  python3 - "$mode" "$loaded" "$first_rss" "$rss" "$c0" "$c1" "$TICKS" "$WINDOW" "$s0" "$s1" "$WORK/$mode.samples" <<'PY'
import json, sys
mode, loaded, first_rss, rss, c0, c1, ticks, window = sys.argv[1:9]
s0, s1 = json.loads(sys.argv[9]), json.loads(sys.argv[10])
samples = [s0] + [json.loads(l) for l in open(sys.argv[11]) if l.strip()]
# Seconds in which a whole list ran (its 200 pages spread over a few seconds: more than 20
# requests) apart from the rest; each stats call is one request of its own.
quiet_req, quiet_bytes, quiet_secs, whole_secs = 0, 0, 0, 0
for a, b in zip(samples, samples[1:]):
    r, by = b["requests"] - a["requests"] - 1, b.get("bytes", 0) - a.get("bytes", 0)
    if r > 20: whole_secs += 1; continue
    quiet_req += r; quiet_bytes += by; quiet_secs += 1
per_tick = (f"between whole lists: {quiet_req / max(quiet_secs, 1) * 2:.1f} requests and"
            f" {quiet_bytes / max(quiet_secs, 1) * 2 / 1e3:.0f} kB per 2 s ({quiet_secs} s sampled,"
            f" {whole_secs} s with a whole list)")
window = float(window)
cpu = (int(c1) - int(c0)) / int(ticks) / window * 100
req = s1["requests"] - s0["requests"] - 1
byt = s1.get("bytes", 0) - s0.get("bytes", 0)
k0, k1 = s0.get("by_kind", {}), s1.get("by_kind", {})
kinds = {k: k1[k] - k0.get(k, 0) for k in k1 if k1[k] - k0.get(k, 0) > 0}
kinds.pop("GET _sim/stats", None)
print(f"| {mode:5} | first full load {loaded} ms, RSS {first_rss} MB | CPU {cpu:.2f}% of a core over {window:.0f} s"
      f" | RSS {rss} MB | {req} requests, {byt/1e6:.2f} MB in {window:.0f} s ({req/window*2:.1f} requests,"
      f" {byt/window*2/1e3:.0f} kB per 2 s on average) | {per_tick} | {json.dumps(kinds, sort_keys=True)} |")
PY
}

echo "rackwatch watching $BACKUPS + $SNAPSHOTS rows, $JOBS jobs in motion, refresh fast 2 s slow $SLOW s whole at most every $WHOLE s, $(nproc) cores, binary $BIN"
for mode in $MODES; do run_mode "$mode"; done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

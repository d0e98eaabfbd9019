#!/usr/bin/env bash
# Runs the client's integration tests (Tests/CloudClientTests/RealPeerTests.swift) against
# real Cinder 29 (v3, noauth) and Trove 26 (noauth) on loopback (issue #3).
#
# The servers come from the recipes in ../shared/peers (README.md there): installed with
# fresh-machine.sh if they are missing (about 3 minutes, needs root and network), started
# with start-rabbitmq/cinder/trove.sh if they are installed but stopped, left alone if they
# already answer. Whatever this script started it stops again on exit; servers that were
# already running are left running.
#
# Usage: scripts/test-real-openstack.sh [--keystone] [--keep] [--no-build]
#   --keystone   real keystone 30 in front of both (switch-auth.sh keystone, ~2 minutes the
#                first time): the tests sign in with the demo user's v3 password and an
#                application credential, use the real catalog (RegionOne, RegionTwo), and
#                then scripts/compare-openstack-cli.sh lists with the openstack CLI and with
#                rackwatch from one clouds.yaml (OS_CLIENT_CONFIG_FILE) and compares. The
#                peers are left in keystone mode (switch-auth.sh noauth goes back).
#   --keep       leave the servers running even if this script started them
#   --no-build   use the existing .build/debug test binary (no `swift build --build-tests`)
#   PEERS_DIR=path   the recipes (default: <repo>/../shared/peers)
#   PEERS=path       where the recipes install and keep state (default: /tmp/peers)
#   PROJECT=id       project / tenant id for both servers (default: the one Trove is seeded for)
# Reads no stdin (it is /dev/null for everything started). Exit code: 0 when every real-peer
# test ran and passed, 1 when not (or the servers did not come up), 2 on usage errors.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
KEEP=0
BUILD=1
KEYSTONE=0
for arg in "$@"; do
  case "$arg" in
    --keystone) KEYSTONE=1 ;;
    --keep) KEEP=1 ;;
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

exec </dev/null

PEERS_DIR=${PEERS_DIR:-$REPO/../shared/peers}
[[ -d "$PEERS_DIR" ]] || { echo "no peer recipes at $PEERS_DIR (set PEERS_DIR)" >&2; exit 2; }
PEERS_DIR=$(cd "$PEERS_DIR" && pwd)
export PEERS=${PEERS:-/tmp/peers}
PROJECT=${PROJECT:-6f70656e737461636b70726f6a656374}
CINDER_ROOT=http://127.0.0.1:8776/
TROVE_ROOT=http://127.0.0.1:8779/
XCTEST=.build/debug/rackwatchPackageTests.xctest
LOG_DIR=$(mktemp -d /tmp/rackwatch-real-peers.XXXXXX)

STARTED=()                     # what this script started, in start order
TIMES=()
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }
cinder_up() { [[ "$(code "$CINDER_ROOT")" == 300 ]]; }
trove_up() { [[ "$(code "$TROVE_ROOT")" == 200 ]]; }
rabbit_up() { rabbitmqctl -q status >/dev/null 2>&1; }
keystone_up() { [[ "$(code http://127.0.0.1:5000/v3)" == 200 ]]; }
keystone_mode() { keystone_up && grep -qE '^auth_strategy *= *keystone' "$PEERS/conf/cinder.conf" 2>/dev/null; }
installed() { [[ -x "$PEERS/cinder/bin/cinder-api" && -x "$PEERS/trove/bin/python" &&
  -f "$PEERS/conf/cinder.conf" && -f "$PEERS/conf/trove.conf" &&
  -f "$PEERS/trove-state/trove.sqlite" ]] && command -v rabbitmq-server >/dev/null; }
step() { # step NAME COMMAND...: run, time, keep its output in $LOG_DIR, show it on failure
  local name=$1 s=$SECONDS; shift
  log "$name ..."
  if "$@" >"$LOG_DIR/$name.log" 2>&1; then
    TIMES+=("$(printf '%-16s %4ds' "$name" $((SECONDS - s)))")
  else
    local rc=$?
    log "$name failed (exit $rc); last lines of $LOG_DIR/$name.log:"
    tail -20 "$LOG_DIR/$name.log" | sed 's/^/    /'
    return "$rc"
  fi
}

stop_started() {
  local rc=$?
  trap - EXIT INT TERM
  if ((${#STARTED[@]})); then
    if ((KEEP)); then
      log "--keep: leaving ${STARTED[*]} running (stop with $PEERS_DIR/stop-all.sh)"
    else
      for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
        log "stopping ${STARTED[i]} (started by this script)"
        bash "$PEERS_DIR/stop-${STARTED[i]}.sh" >>"$LOG_DIR/stop.log" 2>&1 || true
      done
    fi
  fi
  log "logs of this run: $LOG_DIR"
  exit "$rc"
}
trap stop_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- servers
PEER_START=$SECONDS
if ((KEYSTONE)) && keystone_mode && cinder_up && trove_up; then
  log "keystone, cinder and trove already answer in keystone mode; using them as they are"
  PEER_STATE="keystone mode, already running (left running)"
elif ((KEYSTONE)); then
  if ! installed; then
    log "peers not installed under $PEERS: running fresh-machine.sh (about 3 minutes)"
    step install-and-start bash "$PEERS_DIR/fresh-machine.sh"
  fi
  log "switching the peers to keystone mode (switch-auth.sh keystone, ~2 minutes the first time)"
  step switch-keystone bash "$PEERS_DIR/switch-auth.sh" keystone
  PEER_STATE="switched to keystone mode by this script (left running; switch-auth.sh noauth to go back)"
elif cinder_up && trove_up; then
  log "cinder and trove already answer on 127.0.0.1:8776 / :8779; using them as they are"
  PEER_STATE="already running (left running)"
elif ! installed; then
  log "peers not installed under $PEERS: running fresh-machine.sh (about 3 minutes)"
  STARTED=(rabbitmq cinder trove)      # it starts all three
  step install-and-start bash "$PEERS_DIR/fresh-machine.sh"
  PEER_STATE="installed and started by this script"
else
  if ! rabbit_up && ! cinder_up; then
    STARTED+=(rabbitmq)
    step start-rabbitmq bash "$PEERS_DIR/start-rabbitmq.sh"
  fi
  if ! cinder_up; then
    STARTED+=(cinder)
    step start-cinder bash "$PEERS_DIR/start-cinder.sh"
  fi
  if ! trove_up; then
    STARTED+=(trove)
    step start-trove bash "$PEERS_DIR/start-trove.sh"
  fi
  PEER_STATE="started by this script: ${STARTED[*]}"
fi
for i in $(seq 1 60); do
  cinder_up && trove_up && break
  ((i == 60)) && { log "cinder ($(code $CINDER_ROOT)) / trove ($(code $TROVE_ROOT)) do not answer"; exit 1; }
  sleep 1
done
PEER_SECONDS=$((SECONDS - PEER_START))
log "cinder and trove answer (${PEER_SECONDS}s)"

# ---------------------------------------------------------------- build
BUILD_START=$SECONDS
if ((BUILD)); then
  step build swift build --build-tests
else
  [[ -x "$XCTEST" ]] || { log "--no-build but $XCTEST is missing"; exit 2; }
  log "--no-build: using the existing $XCTEST"
fi
BUILD_SECONDS=$((SECONDS - BUILD_START))

# ---------------------------------------------------------------- tests
if ((KEYSTONE)); then
  PROJECT=$(cat "$PEERS/keystone-state/demo-project-id")
  export RACKWATCH_REAL_KEYSTONE=http://127.0.0.1:5000/v3
  export RACKWATCH_REAL_KEYSTONE_USER=demo RACKWATCH_REAL_KEYSTONE_PASSWORD=demo-pass
  export RACKWATCH_REAL_KEYSTONE_PROJECT=demo
else
  export RACKWATCH_REAL_CINDER_TOKEN=admin:$PROJECT
  export RACKWATCH_REAL_TROVE_TOKEN=$PROJECT
fi
export RACKWATCH_REAL_CINDER=http://127.0.0.1:8776/v3/$PROJECT
export RACKWATCH_REAL_TROVE=http://127.0.0.1:8779/v1.0/$PROJECT
log "running RealPeerTests against $RACKWATCH_REAL_CINDER and $RACKWATCH_REAL_TROVE"
TEST_START=$SECONDS
set +e
"$XCTEST" --testing-library swift-testing --filter RealPeerTests 2>&1 |
  sed -u 's/\x1b\[[0-9;]*m//g' | tee "$LOG_DIR/tests.log"
TEST_RC=${PIPESTATUS[0]}
set -e
TEST_SECONDS=$((SECONDS - TEST_START))

COMPARE="not run (noauth mode; --keystone runs it)"
if ((KEYSTONE)); then
  log "comparing with the openstack CLI (scripts/compare-openstack-cli.sh)"
  if bash "$REPO/scripts/compare-openstack-cli.sh" "$REPO/.build/debug/rackwatch" 2>&1 |
    tee "$LOG_DIR/compare.log"; then
    COMPARE="same IDs as the openstack CLI: password and application-credential clouds, 2 regions"
  else
    COMPARE="FAILED (see $LOG_DIR/compare.log)"
  fi
fi

PASSED=$(grep -cE '^✔ Test ".*" passed after' "$LOG_DIR/tests.log" || true)
FAILED=$(grep -cE '^✘ Test ".*" failed after' "$LOG_DIR/tests.log" || true)
SKIPPED=$(grep -cE '^(↪|➜) Test "' "$LOG_DIR/tests.log" || true)
# Without --keystone the keystone-only tests skip themselves; nothing else may.
((KEYSTONE)) || SKIPPED=$(grep -E '^(↪|➜) Test "' "$LOG_DIR/tests.log" | grep -v 'Test "Keystone: ' | grep -c . || true)
RESULT=PASS
((TEST_RC == 0)) || RESULT=FAIL
# Guard against a filter that matches nothing, or tests that skipped themselves.
((PASSED > 0 && SKIPPED == 0)) || RESULT=FAIL
[[ $COMPARE == FAILED* ]] && RESULT=FAIL

echo
echo "== real OpenStack peers: summary =="
echo "peers     : $PEER_STATE ($PEERS_DIR, state in $PEERS)"
echo "cinder    : $RACKWATCH_REAL_CINDER ($(curl -s -m 5 "$CINDER_ROOT" | python3 -c \
  'import json,sys;print("API max", json.load(sys.stdin)["versions"][0]["version"])' 2>/dev/null || echo '?'))"
echo "trove     : $RACKWATCH_REAL_TROVE"
echo "identity  : ${RACKWATCH_REAL_KEYSTONE:-none (noauth)}"
echo "vs CLI    : $COMPARE"
printf 'times     : peers %ds, build %ds, tests %ds\n' "$PEER_SECONDS" "$BUILD_SECONDS" "$TEST_SECONDS"
for t in "${TIMES[@]}"; do echo "            $t"; done
echo "tests     : $PASSED passed, $FAILED failed, $SKIPPED skipped (exit $TEST_RC)"
echo "result    : $RESULT"
[[ $RESULT == PASS ]] || exit 1

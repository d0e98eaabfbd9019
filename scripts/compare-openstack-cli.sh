#!/usr/bin/env bash
# Lists snapshots and backups with the official `openstack` CLI and with rackwatch, from the
# same clouds.yaml found through OS_CLIENT_CONFIG_FILE, for a password cloud and an
# application-credential cloud, in RegionOne and RegionTwo, and checks both list exactly the
# same IDs; also that no secret reaches rackwatch's log (issue #11).
#
# Needs the peers in keystone mode (../shared/peers/switch-auth.sh keystone); run by
# scripts/test-real-openstack.sh --keystone, or alone:
#   scripts/compare-openstack-cli.sh [path/to/rackwatch]
# PEERS=path (default /tmp/peers) is where the recipes keep their state and the CLI.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
RACKWATCH=${1:-$REPO/.build/debug/rackwatch}
PEERS=${PEERS:-/tmp/peers}
OSC=$PEERS/clients/bin/openstack
[[ -x "$OSC" ]] || { echo "no openstack CLI at $OSC (run the peers' install-clients.sh)" >&2; exit 2; }
[[ -x "$RACKWATCH" ]] || { echo "no rackwatch binary at $RACKWATCH" >&2; exit 2; }
exec </dev/null

WORK=$(mktemp -d /tmp/rackwatch-compare.XXXXXX)
chmod 700 "$WORK"
export OS_CLIENT_CONFIG_FILE=$WORK/clouds.yaml
unset OS_CLOUD OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_TOKEN OS_REGION_NAME || true
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# The password cloud, as setup-keystone.sh writes it for the demo user.
cat >"$WORK/clouds.yaml" <<'EOF'
clouds:
  cmp-password:
    auth: {auth_url: "http://127.0.0.1:5000/v3", username: demo, password: demo-pass,
           project_name: demo, user_domain_name: Default, project_domain_name: Default}
    regions: [RegionOne, RegionTwo]
    identity_api_version: 3
EOF
chmod 600 "$WORK/clouds.yaml"
osc() { "$OSC" --os-cloud cmp-password "$@"; }

# Something to list: a volume and a snapshot of it (deleted again on exit).
VOLUME=$(osc volume create --size 1 rackwatch-compare -f value -c id)
for _ in $(seq 60); do [[ $(osc volume show "$VOLUME" -f value -c status) == available ]] && break; sleep 1; done
SNAPSHOT=$(osc volume snapshot create --volume "$VOLUME" rackwatch-compare-snap -f value -c id)
APPCRED_ID=""
cleanup() {
  local rc=$?
  osc volume snapshot delete "$SNAPSHOT" >/dev/null 2>&1 || true
  for _ in $(seq 30); do osc volume snapshot show "$SNAPSHOT" >/dev/null 2>&1 || break; sleep 1; done
  osc volume delete "$VOLUME" >/dev/null 2>&1 || true
  [[ -n $APPCRED_ID ]] && osc application credential delete "$APPCRED_ID" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

# The application-credential cloud: a credential made for this run.
read -r APPCRED_ID APPCRED_SECRET < <(osc application credential create "rackwatch-compare-$$" \
  -f json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ID"], d["Secret"])')
cat >>"$WORK/clouds.yaml" <<EOF
  cmp-appcred:
    auth_type: v3applicationcredential
    auth: {auth_url: "http://127.0.0.1:5000/v3", application_credential_id: "$APPCRED_ID",
           application_credential_secret: "$APPCRED_SECRET"}
    regions: [RegionOne, RegionTwo]
EOF

ids_osc() { python3 -c 'import json,sys; print("\n".join(sorted(r["ID"] for r in json.load(sys.stdin))))'; }
ids_rw() { python3 -c 'import json,sys; print("\n".join(sorted(r["id"] for r in json.load(sys.stdin))))'; }

FAILED=0
for cloud in cmp-password cmp-appcred; do
  for region in RegionOne RegionTwo; do
    for pair in "snapshots:volume snapshot list" "backups:database backup list"; do
      kind=${pair%%:*}
      theirs=$("$OSC" --os-cloud "$cloud" --os-region-name "$region" ${pair#*:} -f json | ids_osc)
      ours=$("$RACKWATCH" list "$kind" --os-cloud "$cloud" --region "$region" --format json \
        --debug --log-file "$WORK/rackwatch.log" | ids_rw)
      count=$(printf '%s' "$ours" | grep -c . || true)
      if [[ "$theirs" == "$ours" ]]; then
        log "same   $cloud $region $kind: $count"
      else
        log "DIFFER $cloud $region $kind"; diff <(echo "$theirs") <(echo "$ours") || true
        FAILED=1
      fi
    done
  done
done

for secret in demo-pass "$APPCRED_SECRET"; do
  if grep -qF -- "$secret" "$WORK/rackwatch.log"; then
    log "a secret is in rackwatch's log"; FAILED=1
  fi
done
log "log lines checked for secrets: $(wc -l <"$WORK/rackwatch.log")"
((FAILED == 0)) && log "openstack CLI and rackwatch list the same IDs" || exit 1

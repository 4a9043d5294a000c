#!/usr/bin/env bash
# A real streaming replica of the local PostgreSQL cluster, for the read-replica tests
# (docs/operations.md, "Reads on replicas"). Debian's cluster tools; run as root.
#
#   tools/pg-replica.sh start   # idempotent: a second cluster "replica" on REPLICA_PORT, made
#                               # with pg_basebackup -R from the primary, streaming
#   tools/pg-replica.sh stop
#   tools/pg-replica.sh drop    # stop and remove it
#
# The primary must have wal_level replica (PostgreSQL's default); the script adds one
# pg_hba.conf line allowing replication connections from 127.0.0.1 (trust, like the
# cluster's other local lines) and reloads. A replica that no longer streams (it fell too far
# behind, or the primary was rebuilt) is made again from a fresh base backup.
set -euo pipefail

PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
NAME=${REPLICA_CLUSTER:-replica}
VERSION=$(pg_lsclusters -h | awk -v p="$PRIMARY_PORT" '$3 == p { print $1; exit }')
[ -n "$VERSION" ] || { echo "no local cluster on port $PRIMARY_PORT" >&2; exit 1; }

psql_p() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc "$1"; }
psql_r() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atqc "$1" 2>/dev/null; }
exists() { pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n' | grep -q .; }
streaming() { [ "$(psql_r "SELECT status FROM pg_stat_wal_receiver" || true)" = "streaming" ]; }
wait_streaming() {
  for _ in $(seq 1 "${1:-30}"); do streaming && return 0; sleep 1; done
  return 1
}

prepare_primary() {
  local level hba
  level=$(psql_p "SHOW wal_level")
  if [ "$level" = "minimal" ]; then
    echo "the primary has wal_level=minimal: set it to replica and restart it" >&2
    exit 1
  fi
  hba=$(psql_p "SHOW hba_file")
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
    echo "host replication all 127.0.0.1/32 trust" >>"$hba"
    psql_p "SELECT pg_reload_conf()" >/dev/null
  fi
}

create() {
  local data conf
  if exists; then pg_dropcluster --stop "$VERSION" "$NAME"; fi
  pg_createcluster "$VERSION" "$NAME" -p "$REPLICA_PORT" >/dev/null
  conf=/etc/postgresql/$VERSION/$NAME
  data=$(awk -F"'" '/^data_directory/ { print $2 }' "$conf/postgresql.conf")
  cp "$(psql_p "SHOW hba_file")" "$conf/pg_hba.conf"
  {
    echo "hot_standby = on"
    echo "max_standby_streaming_delay = 5s"
    echo "shared_buffers = 32MB"
  } >>"$conf/postgresql.conf"
  find "$data" -mindepth 1 -delete
  runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
    -D "$data" -R -X stream -c fast
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start
}

case "${1:-start}" in
  start)
    prepare_primary
    if streaming; then echo "replica streaming on port $REPLICA_PORT"; exit 0; fi
    if exists; then
      pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start 2>/dev/null || true
      if wait_streaming 15; then echo "replica streaming on port $REPLICA_PORT"; exit 0; fi
      echo "the replica does not stream: making it again from a base backup"
    fi
    create
    wait_streaming 60 || { echo "the replica did not start streaming" >&2; exit 1; }
    echo "replica streaming on port $REPLICA_PORT"
    ;;
  stop) exists && pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" stop || true ;;
  drop) exists && pg_dropcluster --stop "$VERSION" "$NAME" || true ;;
  *) echo "usage: $0 start|stop|drop" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Starts `parley start` with the given node command on a scratch data folder and checks that
# /healthz and /readyz answer, then stops it with SIGTERM and expects a clean exit.
set -euo pipefail
node_cmd=("$@")
[ ${#node_cmd[@]} -gt 0 ] || node_cmd=(node)
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
PORT=$port PARLEY_DATA_DIR="$data" DATABASE_URL= REDIS_URL= LOG_LEVEL=warn \
  "${node_cmd[@]}" core/bin/parley.js start &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
curl -fsS "http://127.0.0.1:$port/readyz"; echo
kill -TERM $pid
wait $pid
echo "smoke: server on $("${node_cmd[@]}" --version) started, answered and stopped cleanly"

#!/usr/bin/env bash
# Live blog streams at scale: the packaged jar on PostgreSQL with -Xmx256m holds STREAMS open
# Server-Sent Event streams of one live blog (anonymous, as browsers' EventSource), an editor posts
# ROUNDS entries, and bench/LiveStreams.java measures each entry's delivery to every stream (from
# the POST being sent to the event being read) and what the open streams cost in memory.
#
#   ./mvnw package -DskipTests && bash bench/live-streams.sh
#
# STREAMS (default 2000), ROUNDS (10), PORT (8160), DB (lede_live_bench) and JAR change the run;
# BASE=http://host:port measures a service already running (then PID= its process id, for memory).
set -euo pipefail
cd "$(dirname "$0")/.."

STREAMS=${STREAMS:-2000}
ROUNDS=${ROUNDS:-10}
PORT=${PORT:-8160}
DB=${DB:-lede_live_bench}
JAVA=${JAVA:-java}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
TOKEN=${TOKEN:-bench-admin-token}
# Each stream is a socket on both ends.
ulimit -n "$(( STREAMS * 2 + 1024 ))" 2>/dev/null || ulimit -n hard 2>/dev/null || true

if [ -z "${BASE:-}" ]; then
  [ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }
  WORK=$(mktemp -d)
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
  # The anonymous rate limit counts each stream's opening request: all come from this one address.
  "$JAVA" -Xmx256m -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
    -Dlede.bootstrap-admin-token="$TOKEN" -Dlede.rate-limit.anonymous-per-minute=100000000 \
    -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" \
    -jar "$JAR" >"$WORK/server.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
  BASE="http://127.0.0.1:$PORT"
  for _ in $(seq 1 60); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
fi

echo "$(date -u +%FT%TZ): $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), $STREAMS streams, $ROUNDS entries"
"$JAVA" bench/LiveStreams.java "$BASE" "$TOKEN" "$STREAMS" "$ROUNDS" "${PID:?PID of the service is needed for its memory}"
if [ -n "${WORK:-}" ] && grep -q -e '"level":"ERROR"' -e OutOfMemoryError "$WORK/server.log"; then
  echo "The service logged errors:" >&2
  grep -e '"level":"ERROR"' -e OutOfMemoryError "$WORK/server.log" | cut -c1-500 | head -5 >&2
  exit 1
fi

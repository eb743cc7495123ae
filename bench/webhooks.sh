#!/usr/bin/env bash
# Webhook delivery latency: the packaged jar on PostgreSQL with -Xmx256m, one endpoint on a receiver
# on loopback (bench/WebhookLatency.java), and an editor publishing RATE articles a second for
# SECONDS. Each delivery's latency is measured from the commit (the payload's timestamp, taken in
# the writing transaction) and from the editor's request being sent, to the receiver reading it.
#
#   ./mvnw package -DskipTests && bash bench/webhooks.sh
#
# RATE (default 10), DURATION (seconds, 30), PORT (8170), DB (lede_webhooks_bench), JAVA and JAR change the run.
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-10}
SECONDS_RUN=${DURATION:-30}
PORT=${PORT:-8170}
DB=${DB:-lede_webhooks_bench}
JAVA=${JAVA:-java}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
TOKEN=bench-admin-token

[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
# The receiver is on loopback, which production refuses: allowed here as in the tests.
"$JAVA" -Xmx256m -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Dlede.bootstrap-admin-token="$TOKEN" \
  -Dlede.webhooks.secret-key="$(head -c 32 /dev/urandom | base64)" -Dlede.webhooks.allow-private-targets=true \
  -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" \
  -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 60); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 1; done

echo "$(date -u +%FT%TZ): $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), $RATE articles/s for $SECONDS_RUN s"
"$JAVA" bench/WebhookLatency.java "$BASE" "$TOKEN" "$RATE" "$SECONDS_RUN"
if grep -q -e '"level":"ERROR"' -e OutOfMemoryError "$WORK/server.log"; then
  echo "The service logged errors:" >&2
  grep -e '"level":"ERROR"' -e OutOfMemoryError "$WORK/server.log" | cut -c1-500 | head -5 >&2
  exit 1
fi

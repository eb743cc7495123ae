#!/usr/bin/env bash
# Rendition benchmark: the packaged jar on PostgreSQL, a 12-megapixel JPEG uploaded, the time to
# generate its `medium` (1024 wide) rendition, then wrk against that cached rendition.
#
#   ./mvnw package -DskipTests && bash bench/image-renditions.sh
#
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth), wrk, curl. Uses its own database lede_bench
# and a temporary image directory; leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8089}
DB=lede_bench
WORK=$(mktemp -d)
TOKEN=bench-admin-token
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null

java -Xmx512m \
  -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Dlede.bootstrap-admin-token=$TOKEN \
  -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" \
  -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done

java bench/MakeTestJpeg.java "$WORK/photo.jpg" 4000 3000
ID=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/photo.jpg;type=image/jpeg" -F caption=bench \
  "localhost:$PORT/v1/images" | sed 's/^{"id":"\([^"]*\)".*/\1/')
URL="http://localhost:$PORT/v1/images/$ID/content?w=1024"

FIRST=$(curl -fs -o /dev/null -w '%{time_total}' "$URL")
SECOND=$(curl -fs -o /dev/null -w '%{time_total}' "$URL")
echo "12 MP JPEG ($(stat -c %s "$WORK/photo.jpg") bytes): medium rendition generated in ${FIRST}s; served from cache in ${SECOND}s"
echo "wrk, cached medium rendition, 2 threads, 50 connections, 20 s:"
wrk -t2 -c50 -d20s --latency "$URL" | sed -n '1,20p'

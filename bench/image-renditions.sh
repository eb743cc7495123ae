#!/usr/bin/env bash
# Rendition benchmark: the packaged jar on PostgreSQL, a 12-megapixel JPEG uploaded five times (the
# median upload: size and pixel checks, the verifying decode, metadata and placeholders), the median
# time to generate a new upload's `medium` (1024 wide) rendition, as JPEG and as WebP
# (format=auto), then wrk against a cached rendition.
#
#   ./mvnw package -DskipTests && bash bench/image-renditions.sh
#
# JAR=... measures another build (before and after in one sitting).
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth), wrk, curl. Uses its own database lede_bench
# and a temporary image directory; leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8089}
DB=lede_bench
WORK=$(mktemp -d)
TOKEN=bench-admin-token
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
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
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
UPLOADS=()
IDS=()
for _ in 1 2 3 4 5; do
  OUT=$(curl -fs -o "$WORK/upload.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$WORK/photo.jpg;type=image/jpeg" -F caption=bench "localhost:$PORT/v1/images")
  UPLOADS+=("$OUT")
  IDS+=("$(sed 's/^{"id":"\([^"]*\)".*/\1/' "$WORK/upload.json")")
done
FIRSTS=()
WEBPS=()
for id in "${IDS[@]}"; do
  FIRSTS+=("$(curl -fs -o /dev/null -w '%{time_total}' "http://localhost:$PORT/v1/images/$id/content?w=1024")")
  WEBPS+=("$(curl -fs -o /dev/null -w '%{time_total}' "http://localhost:$PORT/v1/images/$id/content?w=1024&format=webp")")
done
URL="http://localhost:$PORT/v1/images/${IDS[0]}/content?w=1024"
SECOND=$(curl -fs -o /dev/null -w '%{time_total}' "$URL")
echo "12 MP JPEG ($(stat -c %s "$WORK/photo.jpg") bytes), medians of 5:"
echo "  upload (checks, verifying decode, metadata, placeholders): $(printf '%s\n' "${UPLOADS[@]}" | median)s"
echo "  medium rendition generated, JPEG: $(printf '%s\n' "${FIRSTS[@]}" | median)s; WebP: $(printf '%s\n' "${WEBPS[@]}" | median)s"
echo "  served from the rendition cache: ${SECOND}s"
echo "wrk, cached medium rendition, 2 threads, 50 connections, 20 s:"
wrk -t2 -c50 -d20s --latency "$URL" | sed -n '1,20p'

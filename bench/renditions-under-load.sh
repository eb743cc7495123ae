#!/usr/bin/env bash
# Renditions under load: the packaged jar on PostgreSQL with the production heap (-Xmx256m), a
# 49-megapixel JPEG (7000×7000) uploaded, then 8 anonymous requests at once for renditions at new
# widths, twice (16 distinct renditions). Each must be a 200 in under 3 s or a 503 with Retry-After,
# and the server log must have no ERROR line and no OutOfMemoryError.
#
#   ./mvnw package -DskipTests && bash bench/renditions-under-load.sh
#
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth), curl. Uses its own database and a temporary
# image directory; leaves nothing running. PORT, DB and HEAP override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8111}
DB=${DB:-lede_img_bench}
HEAP=${HEAP:-256m}
WORK=$(mktemp -d)
TOKEN=bench-admin-token
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null

java -Xmx$HEAP \
  -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Dlede.bootstrap-admin-token=$TOKEN \
  -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" \
  -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done

java bench/MakeTestJpeg.java "$WORK/photo.jpg" 7000 7000
START=$(date +%s.%N)
ID=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/photo.jpg;type=image/jpeg" -F caption=bench \
  "localhost:$PORT/v1/images" | sed 's/^{"id":"\([^"]*\)".*/\1/')
echo "49 MP JPEG ($(stat -c %s "$WORK/photo.jpg") bytes) uploaded and checked in $(echo "$(date +%s.%N) - $START" | bc) s"

FAILED=0
round() {
  local widths=("$@") pids=()
  for w in "${widths[@]}"; do
    curl -s -o /dev/null -D "$WORK/headers.$w" -w "%{http_code} %{time_total}\n" \
      "localhost:$PORT/v1/images/$ID/content?w=$w" > "$WORK/result.$w" &
    pids+=($!)
  done
  wait "${pids[@]}"
  for w in "${widths[@]}"; do
    read -r status seconds < "$WORK/result.$w"
    retry=$(grep -i '^retry-after:' "$WORK/headers.$w" | tr -d '\r' | cut -d' ' -f2 || true)
    served=$(grep -i '^content-location:' "$WORK/headers.$w" | tr -d '\r' | sed 's/.*?//' || true)
    verdict=ok
    if [ "$status" = 200 ]; then
      [ "$(echo "$seconds < 3" | bc)" = 1 ] || verdict="TOO SLOW"
    elif [ "$status" = 503 ]; then
      [ -n "$retry" ] || verdict="NO RETRY-AFTER"
    else
      verdict="UNEXPECTED STATUS"
    fi
    [ "$verdict" = ok ] || FAILED=1
    printf 'w=%-5s %s in %5.2f s  %-12s %s\n' "$w" "$status" "$seconds" "${served:+($served)}" \
      "${retry:+Retry-After: $retry }$verdict"
  done
}
echo "8 at once, new widths:"
round 150 300 450 600 750 1000 1250 1500
echo "8 at once, other new widths (some now cached):"
round 100 200 400 500 700 900 1100 2000

if grep -q '"level":"ERROR"\|OutOfMemoryError' "$WORK/server.log"; then
  echo "The server log has ERROR lines:"; grep '"level":"ERROR"\|OutOfMemoryError' "$WORK/server.log" | cut -c1-300
  FAILED=1
fi
echo "Heap in use after the runs: $(jcmd $SERVER GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 || echo unknown)"
[ "$FAILED" = 0 ] && echo "PASS: every rendition under 3 s or 503 + Retry-After, no ERROR, no OutOfMemoryError" \
  || { echo "FAIL"; exit 1; }

#!/usr/bin/env bash
# The database path alone: the two uncached rows of bench/run.sh (article by id, first list page,
# both with an editor token) and the in-process baseline, on the same seeded archive.
#
#   ./mvnw package -DskipTests && bash bench/db-path.sh
#
# Same archive, heap, JVM options and wrk settings as bench/run.sh. JAR=... measures another build
# (before and after in one sitting); KEEP_DB=1 reuses the archive of the previous run (no
# re-seeding). JFR=/path/rec.jfr also records a profile of each uncached row under load (a second,
# unmeasured run of it) into /path/rec-byid.jfr and /path/rec-list.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
IMAGES=${IMAGES:-20000}
QUOTES=${QUOTES:-200000}
SPEAKERS=${SPEAKERS:-5000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
WARMUP_DB=${WARMUP_DB:-120s}
PORT=${PORT:-8150}
JAVA=${JAVA:-java}
SERVICE_OPTS=${SERVICE_OPTS:--XX:G1PeriodicGCInterval=2000 -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10}
DB=${DB:-lede_db_bench}
BASE="http://127.0.0.1:$PORT"
TOKEN=bench-admin-token
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
WORK=$(mktemp -d)
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

if [ "${KEEP_DB:-0}" != 1 ]; then
  "${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB" >/dev/null
fi
# shellcheck disable=SC2086
"$JAVA" -Xmx256m $SERVICE_OPTS -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Dlede.bootstrap-admin-token=$TOKEN \
  -Dlede.rate-limit.anonymous-per-minute=100000000 \
  -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" \
  -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 1; done

if [ "${KEEP_DB:-0}" != 1 ]; then
  "${PSQL[@]}" -d $DB -v articles=$ARTICLES -v images=$IMAGES -v quotes=$QUOTES -v speakers=$SPEAKERS -f bench/seed.sql
  "${PSQL[@]}" -d $DB -c "vacuum analyze"
fi
"${PSQL[@]}" -d $DB -Atc "select id from article where status = 'PUBLISHED' order by random() limit 2000" >"$WORK/ids.txt"
EDITOR=(-H "Authorization: Bearer $TOKEN")

# shellcheck source=bench/warmup.sh
. bench/warmup.sh
measure() {
  local name=$1 connections=$2
  shift 2
  steady_warmup "$connections" "$@"
  local out
  out=$(wrk -t2 -c"$connections" -d"$DURATION" --latency "$@")
  grep -q "Non-2xx or 3xx responses" <<<"$out" && { echo "$name: some responses were errors" >&2; grep "Non-2xx" <<<"$out" >&2; }
  printf '%-34s %10s req/s  p50 %8s  p99 %8s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
}
profile() {
  local file=$1
  shift
  "$(dirname "$(command -v "$JAVA")")/jcmd" $SERVER JFR.start name=bench settings=profile filename="$file" >/dev/null
  wrk -t2 -c64 -d20s "$@" >/dev/null
  "$(dirname "$(command -v "$JAVA")")/jcmd" $SERVER JFR.stop name=bench >/dev/null
}

"$JAVA" -version 2>&1 | head -n1
measure "baseline: /q/health/live" 64 "$BASE/q/health/live"
MIN_WARMUP=$WARMUP_DB measure "uncached: article by id" 64 "${EDITOR[@]}" -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
MIN_WARMUP=$WARMUP_DB measure "uncached: first list page" 64 "${EDITOR[@]}" "$BASE/v1/articles"
if [ -n "${JFR:-}" ]; then
  profile "${JFR%.jfr}-byid.jfr" "${EDITOR[@]}" -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
  profile "${JFR%.jfr}-list.jfr" "${EDITOR[@]}" "$BASE/v1/articles"
fi

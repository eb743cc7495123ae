#!/usr/bin/env bash
# Read-path benchmark of the packaged jar on a seeded PostgreSQL (see bench/README.md).
#
#   ./mvnw package -DskipTests && bash bench/run.sh
#
# ARTICLES (100000), IMAGES (20000), QUOTES (200000), SPEAKERS (5000) size the archive; DURATION
# (15s) is each measured wrk run, after an unmeasured warm-up of at least WARMUP (10s) that goes on
# until the throughput settles (bench/warmup.sh: on 2 cores the JIT needs up to a minute for the
# database path). Needs PostgreSQL on 127.0.0.1:5432 (trust auth), wrk, curl, psql.
# PORT (8088) and DB (lede_bench_reads) place the service and its database.
# Results go to bench/RESULTS.md; nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
IMAGES=${IMAGES:-20000}
QUOTES=${QUOTES:-200000}
SPEAKERS=${SPEAKERS:-5000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
WARMUP_DB=${WARMUP_DB:-120s}
PORT=${PORT:-8088}
# The JVM that runs the service (the production image uses Java 25): JAVA=/path/to/java.
JAVA=${JAVA:-java}
# The production image's memory options (docker/Dockerfile.jvm): G1 gives unused heap back to the
# system when the service idles, so the resident size follows the work rather than the peak.
SERVICE_OPTS=${SERVICE_OPTS:--XX:G1PeriodicGCInterval=2000 -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10}
DB=${DB:-lede_bench_reads}
BASE="http://127.0.0.1:$PORT"
TOKEN=bench-admin-token
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d)
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }
for tool in wrk curl psql bc "$JAVA"; do command -v $tool >/dev/null || { echo "bench/run.sh needs $tool (apt-get install wrk bc postgresql-client curl)" >&2; exit 1; }; done
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

"${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB" >/dev/null
# shellcheck disable=SC2086
"$JAVA" -Xmx256m $SERVICE_OPTS -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Dlede.bootstrap-admin-token=$TOKEN \
  -Dlede.rate-limit.anonymous-per-minute=100000000 -Dlede.rate-limit.reader-per-minute=100000000 \
  -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" \
  -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
# Everything is cleaned up whatever fails (set +e: a writer already gone must not keep the service running).
trap 'set +e; [ -n "${WRITER:-}" ] && kill $WRITER 2>/dev/null; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
# Quarkus reports its own start-up time ("started in 1.234s"), migrations included.
STARTUP=$(grep -o 'started in [0-9.]*s' "$WORK/server.log" | grep -o '[0-9.]*' | head -n1)

echo "Seeding $ARTICLES articles, $IMAGES images, $QUOTES quotes by $SPEAKERS speakers"
SEED_START=$(date +%s)
"${PSQL[@]}" -d $DB -v articles=$ARTICLES -v images=$IMAGES -v quotes=$QUOTES -v speakers=$SPEAKERS -f bench/seed.sql
# What autovacuum would do soon after a bulk load: visibility map, statistics, and the GIN index's
# pending list merged (until then every search also scans the pending list).
"${PSQL[@]}" -d $DB -c "vacuum analyze"
echo "Seeded in $(( $(date +%s) - SEED_START )) s"

# 2,000 hot articles, and one more outside them: the live story an editor keeps updating in the mixed runs.
"${PSQL[@]}" -d $DB -Atc "select id from article where status = 'PUBLISHED' order by random() limit 2001" >"$WORK/hot.txt"
head -n 2000 "$WORK/hot.txt" >"$WORK/ids.txt"
LIVE_ID=$(tail -n 1 "$WORK/hot.txt")
"${PSQL[@]}" -d $DB -Atc "select slug from article where status = 'PUBLISHED' order by random() limit 2000" >"$WORK/slugs.txt"
# A cursor deep into the newest-first list (50,000 rows, or half a smaller archive), made the way the service makes them.
DEPTH=$(( ARTICLES / 2 < 50000 ? ARTICLES / 2 : 50000 ))
read -r AT ID < <("${PSQL[@]}" -d $DB -AtF ' ' -c "select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id
  from article where status = 'PUBLISHED' order by published_at desc, id desc offset $DEPTH limit 1")
DEEP_CURSOR=$(printf '2|newest|%s|%s|' "${AT//:/%3A}" "$ID" | base64 -w0 | tr '+/' '-_' | tr -d '=')
curl -fs "$BASE/v1/articles?cursor=$DEEP_CURSOR" >/dev/null || { echo "The deep cursor was refused" >&2; exit 1; }

FIRST_ID=$(head -n1 "$WORK/ids.txt")
ETAG=$(curl -fsI "$BASE/v1/articles/$FIRST_ID" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
java bench/MakeTestJpeg.java "$WORK/photo.jpg" 1600 1200
IMAGE=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/photo.jpg;type=image/jpeg" "$BASE/v1/images" \
  | sed 's/^{"id":"\([^"]*\)".*/\1/')
curl -fs -o /dev/null "$BASE/v1/images/$IMAGE/content?w=640"

# Warm: every id and slug the random scripts pick is read once, so the measured runs see a warm cache.
sed "s|^|$BASE/v1/articles/|" "$WORK/ids.txt" "$WORK/slugs.txt" | xargs -P 4 -n 100 curl -fs >/dev/null
EDITOR=(-H "Authorization: Bearer $TOKEN")
READER_TOKEN=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench partner","role":"reader"}' "$BASE/v1/admin/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
READER=(-H "X-Api-Key: $READER_TOKEN")

# An editor updating one live story (outside the hot set) RATE times a second for a while, as in
# breaking news (bench/live-writer.lua: one connection, each PATCH with the ETag the previous one
# returned). Its wrk output is in $WORK/writer.
start_writer() {
  local rate=$1 duration=$2 etag
  etag=$(curl -fsI "${EDITOR[@]}" "$BASE/v1/articles/$LIVE_ID" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
  wrk -t1 -c1 -d"$duration" -s bench/live-writer.lua "$BASE" -- "$LIVE_ID" "$TOKEN" "$etag" "$rate" >"$WORK/writer" 2>&1 &
  WRITER=$!
}
# Waits for the writer to finish; WRITES is then the number of PATCHes that succeeded.
writer_done() {
  wait "$WRITER" 2>/dev/null || true
  WRITER=""
  WRITES=$(awk '/^writes:/ {print $2}' "$WORK/writer")
}

RESULTS=()
# shellcheck source=bench/warmup.sh
. bench/warmup.sh
# Field of the result row whose name starts with $1: 3 requests/s, 5 p99.
field() { local row; for row in "${RESULTS[@]}"; do [[ $row == "$1"* ]] && { cut -d'|' -f"$2" <<<"$row"; return; }; done; }
# name, connections, wrk arguments...
measure() {
  # Unmeasured first, until the throughput settles: the JIT compiles each path before its numbers count.
  steady_warmup "$2" "${@:3}"
  measure_run "$@"
}
# The measured run alone (after a warm-up of the caller's own).
measure_run() {
  local name=$1 connections=$2
  shift 2
  local out
  out=$(wrk -t2 -c"$connections" -d"$DURATION" --latency "$@")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  if grep -q "Non-2xx or 3xx responses" <<<"$out"; then
    echo "$name: some responses were errors" >&2
    grep "Non-2xx" <<<"$out" >&2
  fi
  printf '%-34s %10s req/s  p50 %8s  p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  RESULTS+=("$name|$connections|$rps|$p50|$p99")
}

measure "baseline: /q/health/live" 64 "$BASE/q/health/live"
measure "article by id" 64 -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
measure "article by slug" 64 -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/slugs.txt"
measure "first list page" 64 "$BASE/v1/articles"
measure "page $DEPTH rows deep" 64 "$BASE/v1/articles?cursor=$DEEP_CURSOR"
measure "headlines" 64 "$BASE/v1/headlines"
measure "search q=lighthouse" 16 "$BASE/v1/articles?q=lighthouse"
measure "304 revalidation" 64 -H "If-None-Match: $ETAG" "$BASE/v1/articles/$FIRST_ID"
measure "cached rendition (w=640)" 64 "$BASE/v1/images/$IMAGE/content?w=640"
# The same reads with a token: never answered from the response cache, so these are the database paths.
MIN_WARMUP=$WARMUP_DB measure "uncached: article by id" 64 "${EDITOR[@]}" -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
MIN_WARMUP=$WARMUP_DB measure "uncached: first list page" 64 "${EDITOR[@]}" "$BASE/v1/articles"
MIN_WARMUP=$WARMUP_DB measure "uncached: page $DEPTH rows deep" 64 "${EDITOR[@]}" "$BASE/v1/articles?cursor=$DEEP_CURSOR"
MIN_WARMUP=$WARMUP_DB measure "uncached: headlines" 64 "${EDITOR[@]}" "$BASE/v1/headlines"
MIN_WARMUP=$WARMUP_DB measure "uncached: search q=lighthouse" 16 "${EDITOR[@]}" "$BASE/v1/articles?q=lighthouse"

# News while reading (issue 13): the hot articles read anonymously alone, while an editor updates one
# article outside them once and five times a second, and read with a partner's token. Ratios are
# to the first of these runs, made just before them.
measure "mixed: hot reads alone" 64 -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
WRITES_MEASURED=()
for rate in 1 5; do
  # Writes during the warm-up too; only those during the measured run are counted.
  start_writer $rate "$WARMUP"
  wrk -t2 -c64 -d"$WARMUP" -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt" >/dev/null
  writer_done
  start_writer $rate "$DURATION"
  measure_run "mixed: hot reads, $rate write/s" 64 -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
  writer_done
  WRITES_MEASURED+=("$rate|$WRITES")
done
measure "mixed: hot reads, reader token" 64 "${READER[@]}" -s bench/random-path.lua "$BASE" -- /v1/articles/ "$WORK/ids.txt"
CACHE_TOTALS=$(curl -fs "$BASE/q/metrics" | grep -E '^lede_(response_cache|content_changes)_total' || true)

# The baseline again: on a shared 2-core machine it drifts; ratios use the higher of the two.
measure "baseline again: /q/health/live" 64 "$BASE/q/health/live"

# A full sync, as a new app would do it, within the -Xmx256m heap the service runs with.
SYNC_START=$(date +%s.%N)
NEXT=""
PAGES=0
while :; do
  PAGE=$(curl -fs "$BASE/v1/sync?limit=100${NEXT:+&since=$NEXT}")
  PAGES=$((PAGES + 1))
  NEXT=$(sed 's/.*"next":"\([^"]*\)".*/\1/' <<<"$PAGE")
  grep -q '"hasMore":true' <<<"$PAGE" || break
done
SYNC_SECONDS=$(echo "$(date +%s.%N) - $SYNC_START" | bc)
kill -0 $SERVER 2>/dev/null || { echo "The service died during the sync" >&2; exit 1; }
echo "full sync: $PAGES pages in ${SYNC_SECONDS} s, service alive with -Xmx256m"
RSS_LOADED_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 ))
sleep 5
RSS_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 ))
echo "start-up ${STARTUP} s; resident memory at the end of the load ${RSS_LOADED_MB} MB, 5 s later ${RSS_MB} MB"

BASELINE=$(printf '%s\n' "$(cut -d'|' -f3 <<<"${RESULTS[0]}")" "$(field "baseline again" 3)" | sort -g | tail -n1)
# wrk prints latencies as 812.00us, 3.21ms or 1.02s: in milliseconds.
millis() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v*=1000}; print v}' <<<"$1"; }
share() { echo "scale=1; 100 * $(field "$1" 3) / $BASELINE" | bc; }
verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo met; else echo "**missed**"; fi; }
{
  echo "# Benchmark results"
  echo
  echo "\`bash bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$("$JAVA" -version 2>&1 | head -n1), PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version'),"
  echo "service with -Xmx256m $SERVICE_OPTS; wrk (2 threads) on the same machine. Archive: $ARTICLES articles, $IMAGES images,"
  echo "$QUOTES quotes by $SPEAKERS speakers. Each run $DURATION after $WARMUP of unmeasured warm-up."
  echo
  echo "Shares are of the higher baseline run ($BASELINE requests/s). Rows marked uncached carry an"
  echo "editor token, which the response cache never answers: they measure the database path."
  echo
  echo "| endpoint | connections | requests/s | p50 | p99 | share of baseline |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r name connections rps p50 p99 <<<"$row"
    echo "| $name | $connections | $rps | $p50 | $p99 | $(echo "scale=1; 100 * $rps / $BASELINE" | bc)% |"
  done
  echo
  echo "Full sync of the archive (\`/v1/sync\`, 100 a page): $PAGES pages in $(printf '%.1f' "$SYNC_SECONDS") s; the service (-Xmx256m) stayed up."
  echo "Start-up of the packaged jar: ${STARTUP} s. Resident memory at the end of the load: ${RSS_LOADED_MB} MB;"
  echo "after the run (5 s idle, unused heap returned): ${RSS_MB} MB."
  echo
  echo "## Targets (issue 7)"
  echo
  echo "| target | reached | verdict |"
  echo "| --- | --- | --- |"
  BYID=$(share "article by id")
  BYID_P99=$(millis "$(field "article by id" 5)")
  echo "| article by id ≥ 50% of baseline, p99 < 15 ms at 64 connections | $BYID%, p99 $BYID_P99 ms | $(verdict "$BYID >= 50 && $BYID_P99 < 15") |"
  LIST=$(share "first list page")
  HEAD=$(share "headlines")
  echo "| first list page and headlines ≥ 40% | $LIST%, $HEAD% | $(verdict "$LIST >= 40 && $HEAD >= 40") |"
  DEEP=$(echo "scale=1; 100 * $(field "page $DEPTH rows deep" 3) / $(field "first list page" 3)" | bc)
  UDEEP=$(echo "scale=1; 100 * $(field "uncached: page $DEPTH" 3) / $(field "uncached: first list page" 3)" | bc)
  echo "| page $DEPTH rows deep ≥ 90% of the first page (database path: uncached) | $UDEEP% (cached: $DEEP%) | $(verdict "$UDEEP >= 90") |"
  NOTMOD=$(share "304 revalidation")
  echo "| 304 revalidation ≥ 70% | $NOTMOD% | $(verdict "$NOTMOD >= 70") |"
  SEARCH_P99=$(millis "$(field "uncached: search" 5)")
  echo "| search p99 < 50 ms at 16 connections, uncached | $SEARCH_P99 ms | $(verdict "$SEARCH_P99 < 50") |"
  echo "| full sync with -Xmx256m | $PAGES pages, $(printf '%.1f' "$SYNC_SECONDS") s | met |"
  echo "| start-up < 3 s | $STARTUP s | $(verdict "$STARTUP < 3") |"
  echo "| resident memory after the run < 400 MB | $RSS_MB MB (under load: $RSS_LOADED_MB MB) | $(verdict "$RSS_MB < 400") |"
  echo
  echo "## News while reading (issue 13)"
  echo
  echo "The 2,000 hot articles read by id at 64 connections: alone; while an editor PATCHes one other article"
  echo "(outside the hot set, a new headline each time, If-Match from the previous answer) once and five times a"
  echo "second; and read with a partner's (reader) token. Ratios are to the first row, measured just before the others."
  echo
  echo "| workload | requests/s | p50 | p99 | ratio | writes during the run |"
  echo "| --- | --- | --- | --- | --- | --- |"
  ALONE=$(field "mixed: hot reads alone" 3)
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r name connections rps p50 p99 <<<"$row"
    [[ $name == mixed:* ]] || continue
    writes="—"
    for measured in "${WRITES_MEASURED[@]}"; do
      [[ $name == *", ${measured%%|*} write/s" ]] && writes="${measured#*|} in $DURATION"
    done
    echo "| ${name#mixed: } | $rps | $p50 | $p99 | $(echo "scale=2; $rps / $ALONE" | bc) | $writes |"
  done
  echo
  ratio() { echo "scale=2; $(field "$1" 3) / $ALONE" | bc; }
  ONE=$(ratio "mixed: hot reads, 1 write/s")
  FIVE=$(ratio "mixed: hot reads, 5 write/s")
  PARTNER=$(ratio "mixed: hot reads, reader token")
  P99_ONE=$(millis "$(field "mixed: hot reads, 1 write/s" 5)")
  P99_FIVE=$(millis "$(field "mixed: hot reads, 5 write/s" 5)")
  echo "| target | reached | verdict |"
  echo "| --- | --- | --- |"
  echo "| hot reads while 1 write/s ≥ 0.8 of reads alone | $ONE | $(verdict "$ONE >= 0.8") |"
  echo "| hot reads while 5 writes/s ≥ 0.7 | $FIVE | $(verdict "$FIVE >= 0.7") |"
  echo "| reader-token reads ≥ 0.7 of anonymous | $PARTNER | $(verdict "$PARTNER >= 0.7") |"
  echo "| p99 under writes < 20 ms | $P99_ONE ms (1/s), $P99_FIVE ms (5/s) | $(verdict "$P99_ONE < 20 && $P99_FIVE < 20") |"
  echo
  echo "Response cache and content changes counted by the service at the end of these runs (\`/q/metrics\`):"
  echo
  echo '```'
  echo "$CACHE_TOTALS"
  echo '```'
  # The start-up figures of bench/startup.sh stay, last.
  if [ -f bench/RESULTS.md ] && grep -q '^## Start-up$' bench/RESULTS.md; then
    echo
    sed -n '/^## Start-up$/,$p' bench/RESULTS.md
  fi
} >"$WORK/RESULTS.md"
mv "$WORK/RESULTS.md" bench/RESULTS.md
echo "Written to bench/RESULTS.md"
exit 0

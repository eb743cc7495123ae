#!/usr/bin/env bash
# Search at archive scale on PostgreSQL (issue 20): the packaged jar over a seeded archive, every
# search uncached (editor token: the response cache never answers it), so these are database paths.
#
#   ./mvnw package -DskipTests && bash bench/search.sh
#
# ARTICLES (1000000) sizes the archive (bench/seed.sql; 1,000,000 takes some ten minutes to seed on
# 2 cores). KEEP=1 reuses the database when it already holds that many articles, so a second run
# measures without seeding again. CONNECTIONS (16), DURATION (15s) after an unmeasured steady warm-up
# (bench/warmup.sh: WARMUP_DB, 120s, before the first row; WARMUP, 10s, before the others),
# PORT (8089), DB (lede_bench_search). Needs PostgreSQL on 127.0.0.1:5432 (trust auth), wrk, curl,
# psql. The numbers go to the "Search at archive scale" section of bench/RESULTS.md.
#
# ENGINE=opensearch measures the same shapes with OpenSearch as the search engine (docs/search.md):
# the service runs with lede.search.engine=opensearch on OPENSEARCH_HOSTS (127.0.0.1:9200; start one
# with .ci/opensearch.sh start), the seeded archive (written by SQL, so not indexed) is indexed by a
# timed full rebuild into a new index (POST /v1/admin/search/reindex?recreate=true), and the time from a write's commit to its
# first appearance in a search is measured. Its numbers go to the "Search at archive scale on
# OpenSearch" section.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/warmup.sh

ARTICLES=${ARTICLES:-1000000}
KEEP=${KEEP:-0}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
WARMUP_DB=${WARMUP_DB:-120s}
PORT=${PORT:-8089}
JAVA=${JAVA:-java}
SERVICE_OPTS=${SERVICE_OPTS:--XX:G1PeriodicGCInterval=2000 -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10}
DB=${DB:-lede_bench_search}
ENGINE=${ENGINE:-database}
OPENSEARCH_HOSTS=${OPENSEARCH_HOSTS:-127.0.0.1:9200}
ENGINE_OPTS=()
SECTION="Search at archive scale (issue 20)"
if [ "$ENGINE" = opensearch ]; then
  ENGINE_OPTS=(-Dlede.search.engine=opensearch -Dlede.search.opensearch-hosts="$OPENSEARCH_HOSTS")
  SECTION="Search at archive scale on OpenSearch (issue 20)"
fi
BASE="http://127.0.0.1:$PORT"
TOKEN=bench-admin-token
JAR=target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d)
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }
for tool in wrk curl psql "$JAVA"; do command -v $tool >/dev/null || { echo "bench/search.sh needs $tool" >&2; exit 1; }; done
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

SEEDED=0
if [ "$KEEP" = 1 ] && "${PSQL[@]}" -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  # Articles an OpenSearch run wrote to time indexing (section bench) do not count.
  [ "$("${PSQL[@]}" -d $DB -Atc "select count(*) from article where section <> 'bench'" 2>/dev/null || echo 0)" = "$ARTICLES" ] && SEEDED=1
fi
[ $SEEDED = 1 ] || "${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB" >/dev/null

# shellcheck disable=SC2086
"$JAVA" -Xmx256m $SERVICE_OPTS -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Dlede.bootstrap-admin-token=$TOKEN \
  -Dlede.rate-limit.anonymous-per-minute=100000000 -Dlede.rate-limit.reader-per-minute=100000000 \
  -Dlede.images.dir="$WORK/images" -Dlede.images.cache-dir="$WORK/renditions" "${ENGINE_OPTS[@]}" \
  -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
# The server's log outlives the run (a failed rebuild's cause is in it): SERVER_LOG.
SERVER_LOG=${SERVER_LOG:-${TMPDIR:-/tmp}/lede-bench-search-server.log}
trap 'set +e; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; cp "$WORK/server.log" "$SERVER_LOG"; echo "Server log: $SERVER_LOG"; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "The service did not start:" >&2; tail -n 30 "$WORK/server.log" >&2; exit 1; }

if [ $SEEDED = 0 ]; then
  echo "Seeding $ARTICLES articles"
  SEED_START=$(date +%s)
  "${PSQL[@]}" -d $DB -v articles=$ARTICLES -v images=20000 -v quotes=200000 -v speakers=5000 -f bench/seed.sql
  "${PSQL[@]}" -d $DB -c "vacuum analyze"
  echo "Seeded in $(( $(date +%s) - SEED_START )) s"
fi

REINDEX_NOTE=""
if [ "$ENGINE" = opensearch ]; then
  echo "Rebuilding the OpenSearch index from the database"
  REINDEX_START=$(date +%s%N)
  curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/v1/admin/search/reindex?recreate=true" >/dev/null
  while curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/v1/admin/search/reindex" | grep -q '"state":"running"'; do sleep 2; done
  REINDEX_MS=$(( ($(date +%s%N) - REINDEX_START) / 1000000 ))
  STATUS=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/v1/admin/search/reindex")
  echo "Rebuilt in $(( REINDEX_MS / 1000 )) s: $STATUS"
  # From a write's commit to its first appearance in a search, five times.
  EDITOR_TOKEN=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench editor","role":"editor"}' "$BASE/v1/admin/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  VISIBLE=()
  for i in 1 2 3 4 5; do
    word="benchword$RANDOM$i"
    curl -fs -o /dev/null -H "Authorization: Bearer $EDITOR_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"headline\":\"Fresh $word\",\"section\":\"bench\",\"language\":\"en\",\"status\":\"published\",\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}" \
      "$BASE/v1/articles"
    committed=$(date +%s%N)
    until curl -fs -H "Authorization: Bearer $EDITOR_TOKEN" "$BASE/v1/articles?q=$word&fields=id" | grep -q '"id"'; do sleep 0.02; done
    VISIBLE+=("$(( ($(date +%s%N) - committed) / 1000000 )) ms")
  done
  echo "Searchable after: ${VISIBLE[*]}"
  REINDEX_NOTE="Full rebuild of the index (mass indexer, $ARTICLES articles): $(( REINDEX_MS / 1000 )) s ($STATUS). A write was searchable after ${VISIBLE[*]} (from the write's response to the first search that found it)."
fi

# The seed's headlines name their story's number, so a number is a word in exactly one article: the
# rare term. Every eighth headline says "lighthouse restored" (the common term); "ferries" is in
# every eighth too, and in 1 of 40 articles of section-4 (the filtered search).
RARE=$(( ARTICLES * 7 / 9 ))
[ $(( RARE % 50 )) = 0 ] && RARE=$(( RARE + 1 ))   # every 50th is a draft
EDITOR=(-H "Authorization: Bearer $TOKEN")
check() {
  local found
  found=$(curl -fs "${EDITOR[@]}" "$BASE/v1/articles?$1&fields=id&count=true" | sed 's/.*"total":\([0-9]*\).*/\1/')
  echo "$1: $found matches"
}
check "q=$RARE"
check "q=lighthouse"
check "section=section-4&q=ferries"

RESULTS=()
measure() {
  local name=$1 path=$2 out rps p50 p99
  # The first shape warms the JIT for at least WARMUP_DB (bench/warmup.sh): a short warm-up measured
  # the compiler (a third of the service's CPU after 90 s); the others until three rounds agree.
  MIN_WARMUP=$([ ${#RESULTS[@]} = 0 ] && echo "$WARMUP_DB" || echo "$WARMUP") steady_warmup "$CONNECTIONS" "${EDITOR[@]}" "$BASE$path"
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${EDITOR[@]}" "$BASE$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  grep -q "Non-2xx or 3xx responses" <<<"$out" && { echo "$name: some responses were errors" >&2; grep "Non-2xx" <<<"$out" >&2; }
  grep -q "Socket errors" <<<"$out" && grep "Socket errors" <<<"$out" >&2
  printf '%-44s %10s req/s  p50 %8s  p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  RESULTS+=("$name|\`$path\`|$rps|$p50|$p99")
}

measure "common term, newest first" "/v1/articles?q=lighthouse"
measure "common term, sort=relevance" "/v1/articles?q=lighthouse&sort=relevance"
measure "rare term (one match), newest first" "/v1/articles?q=$RARE"
measure "filtered: section + term, newest first" "/v1/articles?section=section-4&q=ferries"
measure "common term, relevance, highlight=true" "/v1/articles?q=lighthouse&sort=relevance&highlight=true"
measure "list without search (for comparison)" "/v1/articles"

JAVA_VERSION=$("$JAVA" -version 2>&1 | head -n1)
PG_VERSION=$("${PSQL[@]}" -Atc "select version()" | sed 's/ on x86_64.*//')
{
  echo "## $SECTION"
  echo
  echo "\`bash bench/search.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $JAVA_VERSION, $PG_VERSION, service with"
  echo "-Xmx256m; wrk (2 threads, $CONNECTIONS connections) on the same machine. Archive: $ARTICLES articles (bench/seed.sql)."
  echo "Every request carries an editor token, so none is answered from the response cache. Each run $DURATION"
  echo "after an unmeasured warm-up (bench/warmup.sh: at least $WARMUP_DB before the first row, $WARMUP before the others, until three 5 s rounds agree). Target (PostgreSQL): p99 under 500 ms for every shape; (OpenSearch): p99 under"
  echo "100 ms and at least 300 req/s for every shape."
  if [ "$ENGINE" = opensearch ]; then echo "Engine: OpenSearch $(curl -fs "http://${OPENSEARCH_HOSTS%%,*}/" | sed -n 's/.*\"number\" : \"\([^\"]*\)\".*/\1/p' | head -n1) on the same machine."; fi
  echo
  echo "| search | request | requests/s | p50 | p99 |"
  echo "| --- | --- | --- | --- | --- |"
  for row in "${RESULTS[@]}"; do echo "| ${row//|/ | } |"; done
  echo
  if [ -n "$REINDEX_NOTE" ]; then echo "$REINDEX_NOTE"; echo; fi
  if [ -n "${BENCH_NOTE:-}" ]; then echo "$BENCH_NOTE"; echo; fi
} >"$WORK/section.md"
# The section replaces an earlier one of its own; everything else in RESULTS.md stays.
if [ -f bench/RESULTS.md ]; then
  awk -v heading="## $SECTION" '$0 == heading {skip = 1; next} /^## / {skip = 0} !skip' bench/RESULTS.md >"$WORK/rest.md"
else
  echo "# Benchmark results" >"$WORK/rest.md"
fi
cat "$WORK/rest.md" "$WORK/section.md" >bench/RESULTS.md
echo "Written to bench/RESULTS.md"

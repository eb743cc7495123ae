#!/usr/bin/env bash
# Start-up of the packaged service on Java 25, with and without Leyden's AOT cache (see bench/README.md).
#
#   JAVA_HOME=/path/to/jdk-25 bash bench/startup.sh
#
# Builds the default jar and the -Paot jar with the JDK in JAVA_HOME, writes the trained cache with
# docker/train-aot-cache.sh (as the production image does), then starts each variant RUNS times
# (default 7, interleaved) on an already migrated PostgreSQL database with -Xmx256m and times each
# start from the launch of the process to the first 200 from /q/health/ready. Medians go to the
# "Start-up" section of bench/RESULTS.md. BUILD=0 reuses the jars of an earlier run (in target/startup).
# PORT (8089) and DB (lede_bench_startup) place the service and its database; needs PostgreSQL on
# 127.0.0.1:5432 (trust auth) and psql.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
PORT=${PORT:-8089}
DB=${DB:-lede_bench_startup}
BUILD=${BUILD:-1}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OUT=target/startup
HEAP=-Xmx256m
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

version=$("$JAVA" -XX:+IgnoreUnrecognizedVMOptions -version 2>&1 | head -n1)
feature=$(sed -E 's/.*version "([0-9]+).*/\1/' <<<"$version")
[ "$feature" -ge 25 ] || { echo "bench/startup.sh needs JDK 25 (JAVA_HOME); $JAVA is: $version" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench/startup.sh needs psql" >&2; exit 1; }

if [ "$BUILD" = 1 ]; then
    rm -rf "$OUT"
    mkdir -p "$OUT"
    echo "Building the default jar (fast-jar) with $version"
    JAVA_HOME=${JAVA_HOME:-} ./mvnw -B -q package -DskipTests
    cp -a target/quarkus-app "$OUT/fast-jar"
    echo "Building the -Paot jar (aot-jar), with Quarkus' build-time cache"
    JAVA_HOME=${JAVA_HOME:-} ./mvnw -B -q package -DskipTests -Paot -Dquarkus.package.jar.aot.phase=build
    cp -a target/quarkus-app "$OUT/aot-jar"
    mv "$OUT/aot-jar/app.aot" "$OUT/aot-jar/quarkus-build.aot"
fi
[ -f "$OUT/fast-jar/quarkus-run.jar" ] && [ -f "$OUT/aot-jar/quarkus-build.aot" ] || { echo "No jars in $OUT: run with BUILD=1" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER=
trap 'set +e; [ -n "$SERVER" ] && kill $SERVER 2>/dev/null && wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_DATASOURCE_PASSWORD=
export LEDE_BOOTSTRAP_ADMIN_TOKEN=bench-admin-token
export LEDE_IMAGES_DIR=$WORK/images LEDE_IMAGES_CACHE_DIR=$WORK/renditions

# A GET without forking (curl every few milliseconds would take CPU from the start-up it times).
ready() {
    { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
    printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    local status
    read -r -t 5 _ status _ <&3 || status=
    exec 3<&-
    [ "$status" = 200 ]
}

# Milliseconds from launching the JVM in $1 (options after it) to the first 200 from /q/health/ready.
start_once() {
    local dir=$1
    shift
    local began now
    began=$(date +%s%N)
    (cd "$dir" && exec "$JAVA" $HEAP "$@" -Dquarkus.http.port=$PORT -jar quarkus-run.jar >"$WORK/server.log" 2>&1) &
    SERVER=$!
    until ready; do
        kill -0 $SERVER 2>/dev/null || { echo "the service stopped:" >&2; tail -n 20 "$WORK/server.log" >&2; exit 1; }
        sleep 0.02
    done
    now=$(date +%s%N)
    kill $SERVER
    wait $SERVER 2>/dev/null || true
    SERVER=
    if grep -q "Unable to map shared spaces\|shared class paths mismatch" "$WORK/server.log"; then
        echo "the JVM refused the AOT cache ($*):" >&2
        grep -i "aot" "$WORK/server.log" | head -n 5 >&2
        exit 1
    fi
    echo $(( (now - began) / 1000000 ))
}

"${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB" >/dev/null
FIRST=$(start_once "$OUT/fast-jar")
MIGRATIONS=$("${PSQL[@]}" -d "$DB" -Atc "select count(*) from flyway_schema_history where success")
echo "First start on an empty database ($MIGRATIONS migrations), default jar: $FIRST ms"

echo "Training the AOT cache (start-up on the migrated database)"
JAVA=$JAVA TRAINING_PORT=$PORT docker/train-aot-cache.sh "$OUT/aot-jar" $HEAP >/dev/null

VARIANTS=(
    "default build (fast-jar), no cache: the image before|$OUT/fast-jar|"
    "-Paot (aot-jar), no cache|$OUT/aot-jar|"
    "-Paot + Quarkus' build-time cache (static init only)|$OUT/aot-jar|-XX:AOTCache=quarkus-build.aot"
    "-Paot + cache trained on a start-up (docker/train-aot-cache.sh): the image now|$OUT/aot-jar|-XX:AOTCache=app.aot"
)
declare -A TIMES
for run in $(seq 1 "$RUNS"); do
    line="run $run:"
    for i in "${!VARIANTS[@]}"; do
        IFS='|' read -r _ dir options <<<"${VARIANTS[$i]}"
        # shellcheck disable=SC2086
        ms=$(start_once "$dir" $options)
        TIMES[$i]="${TIMES[$i]:-} $ms"
        line="$line $ms"
    done
    echo "$line ms"
done

# Where the time goes: one more start of the image before and of the image now, with the JVM's and
# Quarkus' own timings (they cost a little time themselves): creating the JVM (the cache is mapped
# and its classes loaded then) and each start-up step over 40 ms.
breakdown() {
    start_once "$@" -Xlog:startuptime -Dquarkus.debug.print-startup-times=true >/dev/null
    echo "JVM created $(grep -o 'Create VM, [0-9.]*' "$WORK/server.log" | grep -o '[0-9.]*$' | awk '{printf "%.2f s", $1}')"
    grep -o 'Build step [A-Za-z0-9_$.]* completed in: [0-9]*ms' "$WORK/server.log" \
        | awk '{ms = $NF; sub("ms", "", ms); if (ms + 0 >= 40) print ms, $3}' | sort -rn \
        | awk '{printf "; %s %d ms", $2, $1}'
    echo "; Quarkus reports \"started in $(grep -o 'started in [0-9.]*s' "$WORK/server.log" | grep -o '[0-9.]*s$')\""
}
BREAKDOWN_BEFORE=$(breakdown "$OUT/fast-jar" | tr -d '\n')
BREAKDOWN_NOW=$(breakdown "$OUT/aot-jar" -XX:AOTCache=app.aot | tr -d '\n')

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f s", ms / 1000}'; }
range() { local sorted; sorted=$(tr ' ' '\n' <<<"$1" | grep . | sort -n); echo "$(seconds "$(head -n1 <<<"$sorted")")–$(seconds "$(tail -n1 <<<"$sorted")")"; }

CACHE_MB=$(du -m "$OUT/aot-jar/app.aot" | cut -f1)
PG=$("${PSQL[@]}" -Atc "show server_version")
CORES=$(nproc)
MEM=$(awk '/MemTotal/ {printf "%d", $2 / 1048576}' /proc/meminfo)
BEST=$(median "${TIMES[3]}")
SECTION="$WORK/section.md"
{
    echo "## Start-up"
    echo
    echo "\`bash bench/startup.sh\` on $(date -u +%Y-%m-%d): $CORES cores, $MEM GiB, $version,"
    echo "PostgreSQL $PG on the same machine. Each start: $HEAP, a database already migrated ($MIGRATIONS"
    echo "migrations, so Flyway validates and finds nothing to do), timed from launching the JVM to the first 200"
    echo "from \`/q/health/ready\`; median of $RUNS starts per variant, interleaved, with the fastest and slowest."
    echo
    echo "| build | median | fastest–slowest |"
    echo "| --- | --- | --- |"
    for i in "${!VARIANTS[@]}"; do
        IFS='|' read -r name _ _ <<<"${VARIANTS[$i]}"
        echo "| $name | $(seconds "$(median "${TIMES[$i]}")") | $(range "${TIMES[$i]}") |"
    done
    echo
    echo "The trained cache is $CACHE_MB MB. One start on an empty database ($MIGRATIONS migrations, right after the builds), default jar: $(seconds "$FIRST")."
    echo "Target (issue 14): under 1 s with the cache: $(seconds "$BEST"), $( [ "$BEST" -lt 1000 ] && echo met || echo '**missed**')."
    echo
    echo "Where the time goes, from one more start of each with \`-Xlog:startuptime\` and"
    echo "\`-Dquarkus.debug.print-startup-times=true\` (steps of 40 ms or more; Quarkus' steps run after the JVM is created):"
    echo
    echo "- before (fast-jar, no cache): $BREAKDOWN_BEFORE"
    echo "- now (trained cache): $BREAKDOWN_NOW"
} >"$SECTION"

# The section replaces an earlier one and stays last (bench/run.sh keeps it when it rewrites the file).
if [ -f bench/RESULTS.md ]; then
    printf '%s\n\n' "$(sed '/^## Start-up$/,$d' bench/RESULTS.md)" >"$WORK/results.md"
    cat "$WORK/results.md" "$SECTION" >bench/RESULTS.md
else
    cp "$SECTION" bench/RESULTS.md
fi
cat "$SECTION"
echo "Written to bench/RESULTS.md"

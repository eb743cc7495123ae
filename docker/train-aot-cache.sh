#!/usr/bin/env bash
# Writes Leyden's AOT cache (JEP 483/514/515, Java 25) for the packaged service: starts the jar in
# <app dir> once with -XX:AOTCacheOutput, waits for the first 200 from /q/health/ready, stops it;
# the JVM writes <app dir>/app.aot as it exits. Run it with the JVM and the JVM options production
# uses: a cache made by another JDK build, or with other -XX:+UseCompactObjectHeaders, is ignored.
#
#   docker/train-aot-cache.sh <app dir> [JVM options...]
#
# <app dir> is target/quarkus-app of `./mvnw package -DskipTests -Paot` (the aot-jar layout: a
# cache of the default fast-jar would hold the JDK's classes only). The service starts as in
# production, so it needs its database: QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD in the
# environment (or -D options). JAVA picks the JVM (default: java on the PATH); TRAINING_PORT the
# port (default 8080). Start-up is the training: the cache holds the classes loaded and the
# methods profiled until the service is ready.
set -euo pipefail
app=${1:?usage: train-aot-cache.sh <app dir> [JVM options...]}
shift
JAVA=${JAVA:-java}
PORT=${TRAINING_PORT:-8080}
cd "$app"
[ -f quarkus-run.jar ] || { echo "no quarkus-run.jar in $app" >&2; exit 1; }
rm -f app.aot
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Without curl (the JRE image has none): one GET over bash's /dev/tcp, true on a 200.
ready() {
    { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
    printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    local status
    read -r -t 5 _ status _ <&3 || status=
    exec 3<&-
    [ "$status" = 200 ]
}

"$JAVA" "$@" -XX:AOTCacheOutput=app.aot -Dquarkus.http.port="$PORT" \
    -Dlede.images.dir="$scratch/images" -Dlede.images.cache-dir="$scratch/renditions" \
    -jar quarkus-run.jar >"$scratch/training.log" 2>&1 &
server=$!
for _ in $(seq 1 1200); do
    ready && break
    kill -0 $server 2>/dev/null || { echo "the training run stopped before it was ready:" >&2; tail -n 30 "$scratch/training.log" >&2; exit 1; }
    sleep 0.1
done
ready || { echo "not ready after 120 s:" >&2; tail -n 30 "$scratch/training.log" >&2; kill $server; exit 1; }
kill -TERM $server
wait $server || true
[ -s app.aot ] || { echo "no app.aot was written:" >&2; tail -n 30 "$scratch/training.log" >&2; exit 1; }
echo "AOT cache written: $app/app.aot ($(du -m app.aot | cut -f1) MB); run with -XX:AOTCache=app.aot from $app"

#!/usr/bin/env bash
# A single-node OpenSearch on loopback for the search tests and local use:
#   .ci/opensearch.sh start    fetch (once), unpack (once), start, wait until it answers
#   .ci/opensearch.sh stop     stop the node this script started
#   .ci/opensearch.sh status   exit 0 when it answers
#
# The distribution is OpenSearch's own "integ-test-zip" from Maven Central, fetched through the Maven
# wrapper into the local repository, so no other download tool or registry is involved. That zip has
# no analysis-common module, which holds the language analyzers and stemmers (english, german,
# russian, french, spanish) Lede's search uses; the module's jar is on Maven Central too and is put
# in as a module with a descriptor of its own (without the lang-painless extension it declares
# upstream: only its Painless script hooks need that, and Lede uses none).
#
# OpenSearch needs Java 21 or later (OPENSEARCH_JAVA_HOME, or the newest JDK found under
# /usr/lib/jvm) and refuses to run as root: as root the node runs as the system user
# lede-opensearch, created when missing. Settings: LEDE_OPENSEARCH_HOME (where it is unpacked,
# default ${TMPDIR:-/tmp}/lede-opensearch-<version>), LEDE_OPENSEARCH_PORT (9200),
# LEDE_OPENSEARCH_HEAP (512m). Security plugin absent: plain HTTP on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=3.3.0
PORT=${LEDE_OPENSEARCH_PORT:-9200}
HEAP=${LEDE_OPENSEARCH_HEAP:-512m}
HOME_DIR=${LEDE_OPENSEARCH_HOME:-${TMPDIR:-/tmp}/lede-opensearch-$VERSION}
RUN_USER=lede-opensearch
URL="http://127.0.0.1:$PORT"

answers() {
    curl -fs "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

java_home() {
    if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then
        echo "$OPENSEARCH_JAVA_HOME"
        return
    fi
    local jdk best="" best_version=0 version
    for jdk in /usr/lib/jvm/*/; do
        [ -x "$jdk/bin/java" ] || continue
        version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null && [ "${version%%.*}" -gt "$best_version" ]; then
            best=${jdk%/}
            best_version=${version%%.*}
        fi
    done
    if [ -z "$best" ]; then
        echo "OpenSearch needs Java 21 or later: set OPENSEARCH_JAVA_HOME" >&2
        exit 1
    fi
    echo "$best"
}

unpack() {
    if [ -x "$HOME_DIR/bin/opensearch" ] && [ -f "$HOME_DIR/modules/analysis-common/plugin-descriptor.properties" ]; then
        return
    fi
    local fetched
    fetched=$(mktemp -d)
    echo "Fetching OpenSearch $VERSION and its analysis-common module from Maven Central"
    ./mvnw -B -q dependency:copy -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip \
        -DoutputDirectory="$fetched" -Dmdep.stripVersion=true
    ./mvnw -B -q dependency:copy -Dartifact=org.opensearch.plugin:analysis-common:$VERSION:jar \
        -DoutputDirectory="$fetched" -Dmdep.stripVersion=true
    rm -rf "$HOME_DIR" "$HOME_DIR.unpacking"
    mkdir -p "$HOME_DIR.unpacking"
    (cd "$HOME_DIR.unpacking" && unzip -q "$fetched/opensearch.zip")
    mv "$HOME_DIR.unpacking/opensearch-$VERSION" "$HOME_DIR"
    rmdir "$HOME_DIR.unpacking"
    mkdir -p "$HOME_DIR/modules/analysis-common"
    cp "$fetched/analysis-common.jar" "$HOME_DIR/modules/analysis-common/analysis-common-$VERSION.jar"
    cat > "$HOME_DIR/modules/analysis-common/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
java.version=21
opensearch.version=$VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
    rm -rf "$fetched"
}

start() {
    if answers; then
        echo "OpenSearch already answers on $URL"
        return
    fi
    unpack
    local java
    java=$(java_home)
    local -a run=()
    if [ "$(id -u)" = 0 ]; then
        id -u "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
        chown -R "$RUN_USER" "$HOME_DIR"
        run=(runuser -u "$RUN_USER" --)
    fi
    rm -f "$HOME_DIR/opensearch.pid"
    "${run[@]}" env OPENSEARCH_JAVA_HOME="$java" OPENSEARCH_JAVA_OPTS="-Xms256m -Xmx$HEAP" \
        "$HOME_DIR/bin/opensearch" -d -p "$HOME_DIR/opensearch.pid" \
        -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="$PORT" \
        -Ecluster.name=lede-test -Epath.data="$HOME_DIR/data" -Epath.logs="$HOME_DIR/logs" \
        -Ecluster.routing.allocation.disk.threshold_enabled=false -Eindices.query.bool.max_clause_count=16384
    for _ in $(seq 1 120); do
        if answers; then
            echo "OpenSearch $VERSION answers on $URL"
            return
        fi
        sleep 1
    done
    echo "OpenSearch did not start; see $HOME_DIR/logs" >&2
    exit 1
}

stop() {
    local pid_file="$HOME_DIR/opensearch.pid"
    if [ ! -f "$pid_file" ]; then
        echo "No OpenSearch started from $HOME_DIR"
        return
    fi
    local pid
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    rm -f "$pid_file"
    echo "OpenSearch stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) answers ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The contract check: clients generated from the committed openapi.yaml by openapi-generator 7.17.0
# (typescript-fetch and java/native) are compiled (tsc --strict, javac) and each drives a partner's
# workflow against the packaged jar through Prism's validating proxy (prism proxy --errors), which
# fails any request or response the document does not describe. Then Spectral with the OWASP
# ruleset. Needs the jar of ./mvnw verify (target/quarkus-app) and PostgreSQL on 127.0.0.1:5432.
# Usage: .ci/contract/run.sh   (from anywhere; writes only under target/contract)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/target/contract
generator_version=7.17.0
jar_port=${LEDE_CONTRACT_PORT:-18180}
prism_port=$((jar_port + 1))
database=contract_check
admin_token=contract-admin-$RANDOM$RANDOM

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "contract: no packaged jar; run ./mvnw verify first" >&2
    exit 1
fi
rm -rf "$out" && mkdir -p "$out"

echo "-- npm tools (.ci/package.json)"
npm ci --prefix .ci --no-audit --no-fund --loglevel=error >/dev/null
bin=$root/.ci/node_modules/.bin

echo "-- openapi-generator $generator_version from Maven Central"
./mvnw -B -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:$generator_version \
    -DoutputDirectory="$out/tools" -Dmdep.stripVersion=true
# Clients call the API; the document's top-level webhooks entry describes what Lede sends to
# receivers, and typescript-fetch 7.17.0 turns it into a WebhooksApi that does not compile: clients
# are generated without that entry. They also get Lede's own JSON as the 200 of the article reads:
# a generator cannot tell a format=ninjs document from an article by its shape (typescript-fetch
# merges the two into one type, the Java client picks the wrong one), so generated clients read
# Lede's JSON and a partner reads ninjs as plain JSON. Prism checks against the full document.
awk '/^webhooks:/ {skip = 1; next} skip && /^[a-z]/ {skip = 0} !skip' openapi.yaml \
    | python3 -c '
import re, sys
text = sys.stdin.read()
pattern = r"( +)anyOf:\n +- (\$ref: \"#/components/schemas/(?:ArticleOrSparse|ArticlePage)\")\n +- \$ref: \"#/components/schemas/Ninjs(?:Item|Page)\"\n"
text, count = re.subn(pattern, lambda m: m.group(1) + m.group(2) + "\n", text)
if count != 2:
    sys.exit("contract: expected the two article reads to offer ninjs, found %d" % count)
sys.stdout.write(text)' >"$out/api.yaml"
generate() {
    java -jar "$out/tools/openapi-generator-cli.jar" generate -i "$out/api.yaml" -g "$1" -o "$2" "${@:3}" \
        >"$out/generate-$1.log" 2>&1 || { cat "$out/generate-$1.log" >&2; exit 1; }
}

echo "-- TypeScript client (typescript-fetch), compiled with tsc --strict"
generate typescript-fetch "$out/ts/client" --additional-properties=supportsES6=true
cp .ci/contract/workflow.ts "$out/ts/"
"$bin/tsc" --strict --target es2022 --module commonjs --moduleResolution node --lib es2022,dom \
    --skipLibCheck --typeRoots "$root/.ci/node_modules/@types" --types node --outDir "$out/ts/js" "$out/ts/workflow.ts"

echo "-- Java client (java, native HTTP client), compiled with javac"
# Java's generator counts oneOf matches by deserialising into each member, and a full Article reads as
# a SparseArticle too: the fields= unions are mapped to their sparse member (docs/api.md).
sparse_mappings=$(for item in Article Image Quote Entry; do printf '%sOrSparse=Sparse%s,' $item $item; done)
generate java "$out/java/client" --library native --additional-properties=useJakartaEe=true,hideGenerationTimestamp=true \
    --api-package io.lede.contract.api --model-package io.lede.contract.model --invoker-package io.lede.contract \
    --schema-mappings "${sparse_mappings%,}"
./mvnw -B -q dependency:copy-dependencies -f .ci/contract/java-client-deps.xml -DoutputDirectory="$out/java/lib"
mkdir -p "$out/java/classes"
find "$out/java/client/src/main/java" -name '*.java' > "$out/java/sources.txt"
echo .ci/contract/Workflow.java >> "$out/java/sources.txt"
javac -nowarn -encoding UTF-8 --release 17 -cp "$out/java/lib/*" -d "$out/java/classes" @"$out/java/sources.txt" \
    2>"$out/javac.log" || { cat "$out/javac.log" >&2; exit 1; }

echo "-- the packaged jar on PostgreSQL (database $database), Prism in front"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $database" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "create database $database" >/dev/null
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $database with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
java -Xmx256m -Dquarkus.http.port=$jar_port -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$database -Dquarkus.datasource.username=postgres \
    -Dlede.bootstrap-admin-token=$admin_token -jar target/quarkus-app/quarkus-run.jar >"$out/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$jar_port/q/health/ready" && break
    sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$jar_port/q/health/ready" || { tail -50 "$out/server.log" >&2; exit 1; }
"$bin/prism" proxy openapi.yaml "http://127.0.0.1:$jar_port" --errors -h 127.0.0.1 -p $prism_port >"$out/prism.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
    grep -q "Prism is listening" "$out/prism.log" && break
    sleep 0.5
done
grep -q "Prism is listening" "$out/prism.log" || { cat "$out/prism.log" >&2; exit 1; }

echo "-- workflows through Prism"
status=0
node "$out/ts/js/workflow.js" "http://127.0.0.1:$prism_port" "$admin_token" || status=1
java -cp "$out/java/classes:$out/java/lib/*" io.lede.contract.Workflow "http://127.0.0.1:$prism_port" "$admin_token" || status=1

# Prism logs each violation of the document (a warning, or with --errors an error response that it
# logs as terminated with errors#VIOLATIONS); any one fails the check.
violations=$(grep -cE "VIOLATIONS|[Vv]iolation|✖|⚠" "$out/prism.log" || true)
if [ "$violations" != "0" ]; then
    echo "contract: Prism found $violations violation(s) of openapi.yaml:" >&2
    grep -E -A4 "VIOLATIONS|[Vv]iolation|✖|⚠" "$out/prism.log" | head -100 >&2
    status=1
fi
if grep -q " ERROR " "$out/server.log"; then
    echo "contract: the service logged errors:" >&2
    grep -A5 " ERROR " "$out/server.log" | head -40 >&2
    status=1
fi
[ $status = 0 ] || exit 1
echo "Prism: 0 violations"

echo "-- Spectral with the OWASP ruleset"
"$bin/spectral" lint openapi.yaml --ruleset .ci/spectral.yaml --fail-severity error --display-only-failures

#!/usr/bin/env bash
# Regenerates the bundled flag catalogues (advisor-core/src/main/resources/io/github/jvmadvisor/core/flags/).
#
#   generate.sh JAVA_HOME...   one jdk<N>.json per JDK, read from the JDK itself (about 60 short JVM starts each)
#   generate.sh --derive 21    jdk21.json derived from jdk17.json and jdk25.json plus jdk21-differences.txt
#   generate.sh                the bundled set: the JDKs 17 and 25 of this machine, then 21 derived
#
# Generate on a server-class machine (2+ CPUs, 2+ GB): ergonomic defaults are recorded as seen there.
# Needs Maven (offline is fine) to compile advisor-core and print its class path.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$root/advisor-core/src/main/resources/io/github/jvmadvisor/core/flags"
main=io.github.jvmadvisor.core.flags.internal.CatalogueGenerator

cd "$root"
mvn -o -q -pl advisor-core compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -o -q -pl advisor-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp="$root/advisor-core/target/classes:$(cat "$cpfile")"
run() { java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=info "$main" "$@"; }

if [ "$#" -eq 0 ]; then
    run generate --data "$here" --out "$out" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64
    run derive --data "$here" --out "$out" --feature 21 "$out/jdk17.json" "$out/jdk25.json"
elif [ "$1" = "--derive" ]; then
    n="$2"
    run derive --data "$here" --out "$out" --feature "$n" "$out/jdk17.json" "$out/jdk25.json"
else
    run generate --data "$here" --out "$out" "$@"
fi

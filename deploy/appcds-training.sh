#!/bin/sh
# Builds the AppCDS archive (app-cds.jsa) of the image from one training start of the service.
#
#   appcds-training.sh        train, then dump: starts the service once as a replica starts, against a scratch
#                             database, up to its first 200 from /q/health/ready, and stops it; the JVM lists every
#                             class it loaded (app-cds.classlist); then dumps the archive from that list
#   appcds-training.sh dump   only the dump, from an app-cds.classlist written by a start with
#                             -XX:DumpLoadedClassList=app-cds.classlist (the benchmark's first service: ShippedLaunch)
#
# Each later start maps the archived classes instead of parsing and verifying them: about 40% less CPU to ready
# (docs/benchmark.md, "Start-up and memory"). Quarkus's own archive (quarkus.package.jar.appcds.enabled) stops after
# the static initialisation, before Flyway, Hibernate's queries, the HTTP server and our start-up observers.
#
# Why a class list and a static dump, not -XX:ArchiveClassesAtExit: the jar is multi-release, and Java 17 cannot hand
# an archived class that exists only under META-INF/versions/ to a class-file load hook (a flight recording, a Java
# agent); it crashes the JVM. The dump leaves out every class the jar carries in a versioned form.
#
# Run from the folder that holds quarkus-run.jar (the uber-jar), with the JVM that will run the service: an archive
# only loads on the JVM build that wrote it, with the jar at the same path, size and time. Needs unzip and, to train,
# curl and QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD of a scratch database (it is migrated; nothing is
# kept). JAVA_OPTS_APPEND holds the options the replica runs with (deploy/kubernetes/deployment.yaml); JAVA the java
# executable (default: java).
# The channels get placeholder settings pointing at a closed local port, so their classes load as in production and
# nothing leaves the machine (no webhook URL: nothing is registered). The data key is random and thrown away.
set -eu

java="${JAVA:-java}"
# The pod's memory limit, as the JVM reads it from its cgroup: heap, collector and compressed pointers as there.
max_ram="${TRAINING_MAX_RAM:-512m}"

train() {
    port="${TRAINING_PORT:-18089}"
    rm -f app-cds.jsa app-cds.classlist training.log
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "appcds-training: port $port is taken; set TRAINING_PORT" >&2
        exit 1
    fi
    # shellcheck disable=SC2086 # JAVA_OPTS_APPEND is a list of options
    env RUANGAMAN_DATA_KEY="$(head -c 32 /dev/urandom | base64)" \
        QUARKUS_HTTP_PORT="$port" \
        QUARKUS_FLYWAY_MIGRATE_AT_START=true \
        TELEGRAM_BOT_TOKEN=100000:training-placeholder \
        TELEGRAM_WEBHOOK_SECRET=training-placeholder \
        TELEGRAM_API_URL=http://127.0.0.1:9 \
        WHATSAPP_ACCESS_TOKEN=training-placeholder \
        WHATSAPP_APP_SECRET=training-placeholder \
        WHATSAPP_VERIFY_TOKEN=training-placeholder \
        WHATSAPP_PHONE_NUMBER_ID=100000 \
        WHATSAPP_API_URL=http://127.0.0.1:9/v21.0 \
        "$java" -XX:MaxRAM="$max_ram" -XX:DumpLoadedClassList=app-cds.classlist $JAVA_OPTS_APPEND -jar quarkus-run.jar \
        > training.log 2>&1 &
    pid=$!
    waited=0
    until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
            cat training.log
            echo "appcds-training: the service did not become ready" >&2
            kill -KILL "$pid" 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
        waited=$((waited + 1))
    done
    kill -TERM "$pid"
    # A stop by SIGTERM exits with 143.
    wait "$pid" || true
    rm -f training.log
}

dump() {
    if [ ! -s app-cds.classlist ]; then
        echo "appcds-training: no app-cds.classlist to dump" >&2
        exit 1
    fi
    unzip -Z1 quarkus-run.jar | sed -n 's#^META-INF/versions/[0-9]*/\(.*\)\.class$#\1#p' | sort -u > app-cds.versioned
    # A line names a class first, or after its @directive (@lambda-proxy, @lambda-form-invoker).
    awk 'NR == FNR { versioned[$1] = 1; next } { name = ($1 ~ /^@/) ? $2 : $1 } !(name in versioned)' \
        app-cds.versioned app-cds.classlist > app-cds.classlist.kept
    rm -f app-cds.jsa
    # shellcheck disable=SC2086 # JAVA_OPTS_APPEND is a list of options
    if ! "$java" -Xshare:dump -XX:SharedClassListFile=app-cds.classlist.kept -XX:SharedArchiveFile=app-cds.jsa \
            -XX:MaxRAM="$max_ram" $JAVA_OPTS_APPEND -cp quarkus-run.jar > dump.log 2>&1 || [ ! -s app-cds.jsa ]; then
        cat dump.log
        echo "appcds-training: no archive was written" >&2
        exit 1
    fi
    rm -f app-cds.versioned app-cds.classlist.kept dump.log
}

case "${1:-all}" in
    all) train; dump ;;
    dump) dump ;;
    *) echo "usage: appcds-training.sh [dump]" >&2; exit 2 ;;
esac

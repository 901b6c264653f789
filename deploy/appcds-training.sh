#!/bin/sh
# Trains the AppCDS archive (app-cds.jsa) of the image: one start of the service as a replica starts, up to its first
# 200 from /q/health/ready, then a normal stop. With -XX:ArchiveClassesAtExit the JVM writes every class it loaded,
# parsed and verified, to the archive at exit; each later start maps them instead (docs/benchmark.md, "Start-up and
# memory": about 40% less CPU to ready). Quarkus's own archive (quarkus.package.jar.appcds.enabled) stops after the
# static initialisation, before Flyway, Hibernate's queries, the HTTP server and our start-up observers: 2,300 classes
# fewer.
#
# Run from the folder that holds quarkus-run.jar (the uber-jar), with the JVM that will run the service (an archive
# only loads on the JVM build that wrote it, with the jar at the same path, size and time). It needs:
# - QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD of a scratch database, which it migrates; nothing is kept;
# - JAVA_OPTS_APPEND, the options the replica runs with (deploy/kubernetes/deployment.yaml);
# - curl.
# The channels get placeholder settings pointing at a closed local port, so their classes load as in production and
# nothing leaves the machine (no webhook URL: nothing is registered). The data key is random and thrown away.
set -eu

port="${TRAINING_PORT:-18089}"
# The pod's memory limit, as the JVM reads it from its cgroup: the heap, the collector and compressed pointers as there.
max_ram="${TRAINING_MAX_RAM:-512m}"
rm -f app-cds.jsa training.log
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
    java -XX:MaxRAM="$max_ram" -XX:ArchiveClassesAtExit=app-cds.jsa $JAVA_OPTS_APPEND -jar quarkus-run.jar \
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
# The stop exits with 143 (SIGTERM); the archive is written before the JVM ends.
wait "$pid" || true
if [ ! -s app-cds.jsa ]; then
    cat training.log
    echo "appcds-training: no archive was written" >&2
    exit 1
fi
rm -f training.log

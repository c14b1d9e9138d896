#!/usr/bin/env bash
# Starts or stops the local demo installation; called by the Maven profiles run (src-test/pom.xml)
# and stop (the root pom.xml):
#   mvn -Prun package    -> distman-run.sh start   (after the EAR is built)
#   mvn -Pstop validate  -> distman-run.sh stop
# Environment (set by the profiles): DISTMAN_RUN_DIR (GlassFish and greenmail-standalone.jar unpacked
# there), DISTMAN_EAR, JAVA_HOME. Every step tolerates an earlier run, so `mvn -Prun package` can be
# repeated to redeploy. See HARNESS.md.
set -euo pipefail

action=${1:?usage: distman-run.sh start|stop}
run_dir=$(realpath -m "${DISTMAN_RUN_DIR:?DISTMAN_RUN_DIR not set}")
asadmin=$run_dir/glassfish7/glassfish/bin/asadmin
domain_dir=$run_dir/glassfish7/glassfish/domains/domain1
logs=$run_dir/logs
greenmail_pid_file=$run_dir/greenmail.pid
app_url=http://localhost:8080/distman/
health_url=${app_url}api/v1/health
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# asadmin starts GlassFish with AS_JAVA: the JDK that runs Maven (17), not some other one on the PATH.
[ -n "${JAVA_HOME:-}" ] && export AS_JAVA=$JAVA_HOME

say() { echo "[distman-run] $*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
greenmail_running() {
    [ -f "$greenmail_pid_file" ] || return 1
    local pid; pid=$(cat "$greenmail_pid_file")
    # Only our GreenMail: the pid could have been reused by an unrelated process since.
    kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q greenmail-standalone
}
# Output captured first, then grepped: with pipefail, `asadmin ... | grep -q` can fail on SIGPIPE.
domain_running() {
    [ -x "$asadmin" ] || return 1
    local domains; domains=$("$asadmin" list-domains 2>/dev/null || true)
    grep -q '^domain1 running' <<<"$domains"
}
# ensure LIST-COMMAND NAME CREATE-COMMAND...: create unless `asadmin LIST-COMMAND` already lists NAME.
ensure() {
    local list=$1 name=$2; shift 2
    local listed; listed=$("$asadmin" "$list" 2>/dev/null || true)
    if grep -qxF -- "$name" <<<"$listed"; then
        say "$name already exists"
    else
        "$asadmin" "$@"
    fi
}

start() {
    local ear=${DISTMAN_EAR:?DISTMAN_EAR not set}
    mkdir -p "$logs"

    # 1. GreenMail standalone: SMTP 127.0.0.1:3025 (mail/distman points there), IMAP 3143 for a mail
    #    client, and its web API on 8025 (its default 8080 is GlassFish's).
    if greenmail_running; then
        say "GreenMail already running (pid $(cat "$greenmail_pid_file"))"
    elif port_open 3025; then
        say "ERROR: port 3025 is taken by another process (an integration test run?)" >&2; exit 1
    else
        # setsid + nohup + redirects: detached from Maven, which would otherwise wait for its output.
        setsid nohup "$java" -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap \
            -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
            -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
            -jar "$run_dir/greenmail-standalone.jar" >> "$logs/greenmail.log" 2>&1 < /dev/null &
        echo $! > "$greenmail_pid_file"
        for _ in $(seq 60); do port_open 3025 && port_open 8025 && break; sleep 0.5; done
        port_open 3025 || { say "ERROR: GreenMail did not start, see $logs/greenmail.log" >&2; exit 1; }
        say "GreenMail started (pid $(cat "$greenmail_pid_file"))"
    fi

    # The installation key SecretBox seals stored secrets with: in the domain's config folder, beside the
    # demo database but outside it, made once (the demo's sealed rows need the same key at every start).
    local keys=$domain_dir/config/distman-installation.keys
    if [ ! -f "$keys" ]; then
        (umask 077; printf '# installation keys, newest last (README, "Secrets at rest")\nrun-%s=%s\n' \
            "$(date -u +%Y%m%d)" "$(head -c 32 /dev/urandom | base64)" > "$keys")
        say "installation key created in $keys"
    fi

    # The domain's trust store as shipped holds only GlassFish's own certificates: HTTPS to Mailgun, to SES's
    # certificate URLs, or a relay with a public certificate would all fail certificate checks. The JDK's
    # public CAs are added once, before the domain's first start (it reads the store at start).
    local trust=$domain_dir/config/cacerts.jks cas_marker=$domain_dir/config/.distman-public-cas
    if [ ! -f "$cas_marker" ] && ! domain_running; then
        local jdk; jdk=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")
        if "$jdk/bin/keytool" -importkeystore -noprompt -srckeystore "$jdk/lib/security/cacerts" -srcstorepass changeit \
                -destkeystore "$trust" -deststorepass changeit >> "$logs/keytool.log" 2>&1; then
            touch "$cas_marker"; say "public CAs of $jdk added to the domain's trust store"
        else
            say "WARNING: could not add the JDK's CAs to $trust (see $logs/keytool.log); HTTPS to providers will fail"
        fi
    fi

    # 2. GlassFish with the embedded Derby (created on first use under the domain's lib/databases).
    if domain_running; then
        say "GlassFish already running"
    else
        "$asadmin" start-domain
    fi
    ensure list-jdbc-connection-pools distman-pool \
        create-jdbc-connection-pool --datasourceclassname org.apache.derby.jdbc.EmbeddedDataSource \
        --restype javax.sql.DataSource \
        --isconnectvalidatereq=true --validationmethod custom-validation \
        --validationclassname org.glassfish.api.jdbc.validation.DerbyConnectionValidation --failconnection=true \
        --property 'databaseName=${com.sun.aas.instanceRoot}/lib/databases/distman:createDatabase=create' distman-pool
    ensure list-jdbc-resources jdbc/distman create-jdbc-resource --connectionpoolid distman-pool jdbc/distman
    ensure list-mail-resources mail/distman \
        create-mail-resource --mailhost 127.0.0.1 --mailuser distman --fromaddress noreply@distman.local \
        --property mail.smtp.port=3025 mail/distman

    # A refused (413) body is not read to its end: past 1 MiB the connection is closed instead.
    "$asadmin" set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.max-swallowing-input-bytes=1048576 >/dev/null

    # 3. JVM options and listener addresses take effect only at the next start: change what's needed, then
    #    restart once.
    local restart=
    # No remote EJB view is deployed (other JVMs use the REST API), but GlassFish's ORB listens on all
    # interfaces by default (3700, 3820, 3920): only on loopback here.
    for listener in orb-listener-1 SSL SSL_MUTUALAUTH; do
        local key=configs.config.server-config.iiop-service.iiop-listener.$listener.address
        local current; current=$("$asadmin" get "$key" 2>/dev/null || true)
        if [[ "$current" != *"=127.0.0.1" ]]; then
            "$asadmin" set "$key=127.0.0.1" >/dev/null; restart=1
        fi
    done
    local options; options=$("$asadmin" list-jvm-options)
    # The demo seeds two agencies; its first dispatch sweep runs 20 s after start (then every 10 min).
    for option in -Ddistman.demo=true -Ddistman.dispatch.initialDelay=PT20S; do
        if ! grep -qxF -- "$option" <<<"$options"; then
            "$asadmin" create-jvm-options -- "$option"; restart=1
        fi
    done
    if grep -qxF -- '-Xmx512m' <<<"$options"; then
        "$asadmin" delete-jvm-options -- '-Xmx512m'; "$asadmin" create-jvm-options -- '-Xmx1g'; restart=1
    fi
    if [ -n "$restart" ]; then
        "$asadmin" restart-domain
    fi

    # 4. Deploy (again) and wait for the health probe.
    "$asadmin" deploy --force=true --name distman "$ear"
    local health=
    for _ in $(seq 120); do
        health=$(curl -fsS "$health_url" 2>/dev/null) && break
        health=; sleep 1
    done
    if [ -z "$health" ]; then
        say "ERROR: $health_url did not answer within 120 s; see $domain_dir/logs/server.log" >&2; exit 1
    fi
    # The box is the script's last output, and the script runs in the reactor's last module, so only
    # Maven's summary follows it. The start page it names links to the screens and to the API.
    local rule=================================================================================
    cat <<MSG

$rule
  Distribution Manager is up:  $app_url
$rule
  Screens (sign in):           ${app_url}app/
      password (every user):   demo-harbour-lantern
      users:                   anna (agent), adam (admin), sam (support) - agency northside
                               hana (agent), hugo (admin)                - agency harbour
  REST API:                    ${app_url}api/v1/messages  (Authorization: Bearer <key>)
      demo API keys:           demo-northside-key, demo-harbour-key
      try:                     curl -H 'Authorization: Bearer demo-northside-key' ${app_url}api/v1/messages/1
  Health:                      $health_url -> $health
  GreenMail (catches all mail): SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143 (any user/password),
                               web API http://127.0.0.1:8025/ (e.g. /api/user, POST /api/mail/purge)
  GlassFish admin console:     http://localhost:4848/
  Logs:                        $domain_dir/logs/server.log
                               $logs/greenmail.log
  Stop everything:             mvn -Pstop validate
$rule
MSG
}

stop() {
    if domain_running; then
        "$asadmin" stop-domain
    elif port_open 4848 || port_open 8080; then
        # Not this checkout's demo (never built here, or started from another checkout): say so, but
        # leave a server we did not start alone.
        say "GlassFish of this checkout not running; ports 4848/8080 are in use by another process (not stopped)"
    else
        say "GlassFish not running"
    fi
    if greenmail_running; then
        local pid; pid=$(cat "$greenmail_pid_file")
        kill "$pid"
        for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        say "GreenMail stopped (pid $pid)"
    else
        say "GreenMail not running"
    fi
    rm -f "$greenmail_pid_file"
}

case $action in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The project's own PostgreSQL 15 cluster, on a Unix socket only (no TCP).
#   pg.sh start   create the cluster if needed and start it
#   pg.sh stop    stop it
#   pg.sh psql    open psql as the cluster's superuser
# Odoo connects as the role "odoo": no superuser, no CREATEDB, no CREATEROLE,
# and no CONNECT on "postgres" or "template1" (SECURITY.md, CVE-2018-15632):
# it reaches only the databases it owns. gov_plan's hardening makes Odoo 11
# work without "postgres" (the bus notifies in each database, the list of
# databases is db_name). Databases are created by these scripts as the
# superuser "postgres" and handed to "odoo".
source "$(dirname "$0")/common.sh"

as_pg() { runuser -u postgres -- "$@"; }
[ "$(id -u)" = 0 ] || die "run the set-up as root (it runs PostgreSQL as the OS user postgres)."
id postgres >/dev/null 2>&1 || die "the OS user 'postgres' is missing: install postgresql-15 (make setup)."
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 not found in $PG_BIN: install postgresql-15 (make setup)."

psql_super() { as_pg "$PG_BIN/psql" -h "$PGSOCK" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }

start() {
    mkdir -p "$PGSOCK"
    chown postgres "$PGSOCK"
    chmod 700 "$PGSOCK"
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        say "Creating the PostgreSQL cluster in $PGDATA"
        install -d -o postgres -m 700 "$PGDATA"
        as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
            || die "initdb failed in $PGDATA."
    fi
    chmod 711 "$PGSOCK"   # root's Odoo must reach the socket
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 start \
            -o "-p $PGPORT -k $PGSOCK -c listen_addresses=''" >/dev/null \
            || die "PostgreSQL could not start: see $PGDATA/server.log (port $PGPORT, socket $PGSOCK)."
    fi
    psql_super -d postgres <<'SQL' || die "could not prepare the database role 'odoo'."
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'odoo') THEN
    CREATE ROLE odoo LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
-- An existing role is brought back to these rights too.
ALTER ROLE odoo NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE postgres FROM odoo;
REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;
REVOKE CONNECT ON DATABASE template1 FROM odoo;
SQL
}

case "${1:-start}" in
    start) start ;;
    stop)
        if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
            as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null && say "PostgreSQL stopped."
        else
            say "PostgreSQL is not running."
        fi ;;
    psql) shift; psql_super "$@" ;;
    createdb) psql_super -d postgres -c "CREATE DATABASE \"$2\" OWNER odoo TEMPLATE template0 ENCODING 'UTF8'" ;;
    dropdb) psql_super -d postgres -c "DROP DATABASE IF EXISTS \"$2\"" ;;
    exists) [ "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$2'")" = 1 ] ;;
    *) die "usage: pg.sh start|stop|psql|createdb DB|dropdb DB|exists DB" ;;
esac

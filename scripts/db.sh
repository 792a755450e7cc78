#!/usr/bin/env bash
# Makes sure database $1 exists with gov_plan installed and up to date.
#   db.sh DB demo|nodemo [fresh]
# A database where gov_plan is not installed (an earlier run failed half-way)
# is dropped and rebuilt, never reused. One where the addon's files changed
# since the last install is upgraded.
source "$(dirname "$0")/common.sh"

DB=$1 MODE=$2 FRESH=${3:-}
ODOO=("$VENV/bin/python" "$ROOT/scripts/odoo-bin")
PG="$ROOT/scripts/pg.sh"
STAMP="$VAR/$DB.stamp"

source_hash() {
    (set +o pipefail; cd "$ROOT" && git ls-files -co --exclude-standard -z 2>/dev/null | grep -zv '^\.var/' \
        | xargs -0 sha1sum 2>/dev/null | sha1sum | cut -c1-16)
}
module_state() {
    "$PG" psql -d "$DB" -c "SELECT state FROM ir_module_module WHERE name = 'gov_plan'" 2>/dev/null || true
}

if [ -n "$FRESH" ] && "$PG" exists "$DB"; then
    "$PG" dropdb "$DB" >/dev/null
    rm -f "$STAMP"
fi
if "$PG" exists "$DB" && [ "$(module_state)" != installed ]; then
    say "Database $DB exists but gov_plan is not installed in it: rebuilding it."
    "$PG" dropdb "$DB" >/dev/null
    rm -f "$STAMP"
fi

demo_opt=() langs=vi_VN
# the test database keeps English active too: tests act in either language.
[ "$MODE" = nodemo ] && demo_opt=(--without-demo=all) && langs=vi_VN,en_US
hash=$(source_hash)
if ! "$PG" exists "$DB"; then
    say "Creating database $DB with gov_plan ($MODE) and Vietnamese"
    "$PG" createdb "$DB" >/dev/null || die "could not create database $DB."
    "${ODOO[@]}" -c "$CONF" -d "$DB" -i gov_plan "${demo_opt[@]}" --load-language="$langs" \
        --stop-after-init --log-level=warn --logfile="$VAR/$DB-install.log" \
        || die "installing gov_plan into $DB failed: see $VAR/$DB-install.log."
    "${ODOO[@]}" shell -c "$CONF" -d "$DB" --log-level=warn --logfile="$VAR/$DB-install.log" \
        < "$ROOT/scripts/set_vietnamese.py" >/dev/null || die "could not switch $DB to Vietnamese."
elif [ "$(cat "$STAMP" 2>/dev/null)" != "$hash" ]; then
    say "Updating gov_plan in $DB (its files changed)"
    "${ODOO[@]}" -c "$CONF" -d "$DB" -u gov_plan --stop-after-init --log-level=warn \
        --logfile="$VAR/$DB-install.log" || die "updating gov_plan in $DB failed: see $VAR/$DB-install.log."
fi
[ "$(module_state)" = installed ] || die "gov_plan is not installed in $DB: see $VAR/$DB-install.log."
echo "$hash" > "$STAMP"

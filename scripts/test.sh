#!/usr/bin/env bash
# make test: set up, build a fresh test database (no demo data: tests build
# their own fixtures), then run the whole suite with pytest-odoo.
source "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/pg.sh" start
"$ROOT/scripts/configure.sh"
"$ROOT/scripts/db.sh" "$TEST_DB" nodemo fresh
say "Running the test suite on $TEST_DB"
cd "$ADDONS/gov_plan"
# Test paths are given through the addons path, so that pytest-odoo imports
# them as odoo.addons.gov_plan.tests.* (the checkout's own folder name is not
# the module name). Other arguments go to pytest as they are.
paths=() opts=()
for arg in "$@"; do
    case "$arg" in
        tests*) paths+=("$ADDONS/gov_plan/$arg") ;;
        *) opts+=("$arg") ;;
    esac
done
[ ${#paths[@]} -eq 0 ] && paths=("$ADDONS/gov_plan/tests")
set +e
"$VENV/bin/python" -m pytest -p no:warnings -p no:cacheprovider --odoo-config="$CONF" \
    --odoo-database="$TEST_DB" --odoo-log-level=warn "${opts[@]}" "${paths[@]}"
rc=$?
[ $rc -eq 5 ] && echo "ERROR: pytest collected no test." >&2
exit $rc

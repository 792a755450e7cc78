#!/usr/bin/env bash
# Exports the translation template i18n/gov_plan.pot (and, with "vi", the
# current Vietnamese terms to i18n/vi.export.po for comparison).
# Odoo 11 follows symlinks when it scans an addon for terms, and the addon
# folder holds .var/addons/gov_plan -> the addon itself: the export would loop
# forever. So it runs on a copy of the addon without .var and .git.
source "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/pg.sh" start
"$ROOT/scripts/configure.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"; "$ROOT/scripts/pg.sh" dropdb gov_plan_i18n >/dev/null 2>&1 || true' EXIT
mkdir -p "$work/addons/gov_plan"
(cd "$ROOT" && git ls-files -co --exclude-standard | grep -v '^\.var/' | tar cf - -T -) \
    | tar xf - -C "$work/addons/gov_plan"
SITE=$("$VENV/bin/python" -c "import os, odoo.addons; print(os.path.dirname(odoo.addons.__file__))")
sed -e "s|^addons_path = .*|addons_path = $SITE,$work/addons|" \
    -e "s|^dbfilter = .*|dbfilter = .*|" "$CONF" > "$work/odoo.conf"
"$ROOT/scripts/pg.sh" dropdb gov_plan_i18n >/dev/null
"$ROOT/scripts/pg.sh" createdb gov_plan_i18n >/dev/null
ODOO=("$VENV/bin/python" "$ROOT/scripts/odoo-bin")
"${ODOO[@]}" -c "$work/odoo.conf" -d gov_plan_i18n -i gov_plan --without-demo=all \
    --load-language=vi_VN --stop-after-init --log-level=warn
# Odoo 11 refuses a .pot name: export as .po, then rename.
"${ODOO[@]}" -c "$work/odoo.conf" -d gov_plan_i18n --modules=gov_plan \
    --i18n-export="$work/gov_plan.po" --stop-after-init --log-level=warn
cp "$work/gov_plan.po" "$ROOT/i18n/gov_plan.pot"
say "Wrote i18n/gov_plan.pot"
if [ "${1:-}" = vi ]; then
    "${ODOO[@]}" -c "$work/odoo.conf" -d gov_plan_i18n --modules=gov_plan --language=vi_VN \
        --i18n-export="$work/vi.po" --stop-after-init --log-level=warn
    cp "$work/vi.po" "$ROOT/i18n/vi.export.po"
    say "Wrote i18n/vi.export.po (merge new terms into i18n/vi.po, then delete it)"
fi

#!/usr/bin/env bash
# make run: set up, then serve the Department's demo Odoo on 127.0.0.1:$HTTP_PORT.
source "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/pg.sh" start
"$ROOT/scripts/configure.sh"
if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
    die "port $HTTP_PORT on 127.0.0.1 is busy (another Odoo?). Stop it, or choose another port: make run GOV_PLAN_HTTP_PORT=8070."
fi
"$ROOT/scripts/db.sh" "$DEMO_DB" demo

URL="http://127.0.0.1:$HTTP_PORT"
# wkhtmltopdf fetches the report stylesheets from this server: point it here.
"$ROOT/scripts/pg.sh" psql -d "$DEMO_DB" >/dev/null <<SQL
UPDATE ir_config_parameter SET value = '$URL' WHERE key = 'web.base.url';
INSERT INTO ir_config_parameter (key, value) VALUES ('report.url', '$URL'), ('web.base.url.freeze', 'True')
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
SQL
cat <<MSG

  gov_plan is served at $URL/web/login  (database $DEMO_DB)
  Demo logins (password = login):
$(sed -n 's/^| *`\([a-z_.]*\)` *| *\([^|]*\)|.*/    \1  \2/p' "$ROOT/README.md" | sort -u)
  Master password (kept out of git; the database manager pages are disabled): $VAR/admin_passwd
  Ctrl-C stops Odoo; 'make stop' stops PostgreSQL too.

MSG
exec "$VENV/bin/python" "$ROOT/scripts/odoo-bin" -c "$CONF" -d "$DEMO_DB" --log-level=warn

#!/usr/bin/env bash
# Writes .var/odoo.conf. The master password is generated once, kept in
# .var/admin_passwd (outside git) and never defaults to Odoo's "admin".
source "$(dirname "$0")/common.sh"

mkdir -p "$VAR" "$DATA_DIR"
if [ ! -s "$VAR/admin_passwd" ]; then
    (umask 077; "$VENV/bin/python" -c "import secrets; print(secrets.token_urlsafe(24))" > "$VAR/admin_passwd")
fi
SITE=$("$VENV/bin/python" -c "import os, odoo.addons; print(os.path.dirname(odoo.addons.__file__))")
umask 077
cat > "$CONF" <<CONF
[options]
addons_path = $SITE,$ADDONS
data_dir = $DATA_DIR
db_host = $PGSOCK
db_port = $PGPORT
db_user = odoo
db_password = False
admin_passwd = $(cat "$VAR/admin_passwd")
list_db = False
db_name = $DEMO_DB
http_interface = 127.0.0.1
http_port = $HTTP_PORT
longpolling_port = $((HTTP_PORT + 3))
workers = 0
proxy_mode = False
log_level = info
logfile = False
CONF

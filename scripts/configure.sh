#!/usr/bin/env bash
# Writes .var/odoo.conf with the deployment settings of SECURITY.md (see the
# README, "Security"): the master password is generated once, kept in
# .var/admin_passwd (outside git) and never Odoo's "admin"; no database list
# and no database manager; a dbfilter naming the project's two databases;
# gov_plan loaded server-wide, so that its hardening is in place before any
# database loads.
source "$(dirname "$0")/common.sh"

mkdir -p "$VAR" "$DATA_DIR"
passwd_file="$VAR/admin_passwd"
if [ ! -s "$passwd_file" ] || [ "$(wc -c < "$passwd_file")" -lt 17 ] || [ "$(cat "$passwd_file")" = admin ]; then
    (umask 077; "$VENV/bin/python" -c "import secrets; print(secrets.token_urlsafe(24))" > "$passwd_file")
fi
chmod 600 "$passwd_file"
# odoo.conf holds only its hash (pbkdf2, which Odoo 11 checks).
ADMIN_HASH=$("$VENV/bin/python" -c 'import sys; from passlib.context import CryptContext
print(CryptContext(["pbkdf2_sha512"]).hash(open(sys.argv[1]).read().strip()))' "$passwd_file")
SITE=$("$VENV/bin/python" -c "import os, odoo.addons; print(os.path.dirname(odoo.addons.__file__))")
# ^(demo|test)$ with the names taken literally.
DBFILTER=$("$VENV/bin/python" -c 'import re, sys; print("^(%s)$" % "|".join(re.escape(n) for n in sys.argv[1:]))' \
    "$DEMO_DB" "$TEST_DB")
umask 077
cat > "$CONF" <<CONF
[options]
addons_path = $SITE,$ADDONS
data_dir = $DATA_DIR
db_host = $PGSOCK
db_port = $PGPORT
db_user = odoo
db_password = False
admin_passwd = $ADMIN_HASH
list_db = False
db_name = $DEMO_DB
dbfilter = $DBFILTER
server_wide_modules = base,web,gov_plan
http_interface = 127.0.0.1
http_port = $HTTP_PORT
longpolling_port = $((HTTP_PORT + 3))
workers = 0
proxy_mode = False
log_level = info
logfile = False
CONF

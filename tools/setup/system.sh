#!/usr/bin/env bash
# What `make` needs of the machine besides Python packages, so that `make site` and
# `make test` are the whole set-up on a fresh Debian machine:
#
#   system.sh python [PYTHON]   print the interpreter to make .venv with: PYTHON if given,
#                               else the first of python3, python3.13, python3.12, python3.11
#                               that is Python 3.11 or newer; its venv module is installed
#                               when missing (Debian ships it apart, as python3.X-venv)
#   system.sh browser           Debian's chromium and a Devanagari font, for the browser tests
#
# Missing Debian packages are installed with apt-get when running as root; otherwise the
# script stops with one line naming the command to run. Messages go to stderr, so that
# `python` prints nothing but the interpreter's path.
set -euo pipefail

MINIMUM=(3 11)  # numpy 2.4 and tornado 6.6 need 3.11; every pin installs on Debian 12's 3.11.2
CANDIDATES=(python3 python3.13 python3.12 python3.11)
# where the browser tests launch it (tools/checks/browser.py); set otherwise only by this script's tests
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
FONTS=fonts-lohit-deva  # Devanagari glyphs, for pages that quote Hindi script

stop() {
  echo "make: $*" >&2
  exit 1
}

# apt_install WHY PACKAGE...: install Debian packages as root, or stop naming the command.
apt_install() {
  local why=$1
  shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "make: installing $* ($why)" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq "$@"; } >/dev/null || stop "could not install $*: run apt-get install -y $* as root"
  elif command -v apt-get >/dev/null; then
    stop "missing $* ($why): run: sudo apt-get install -y $*"
  else
    stop "missing $* ($why; Debian's package names): install them with your system's package manager"
  fi
}

version_of() {
  "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null
}

recent_enough() {
  "$1" -c "import sys; sys.exit(sys.version_info[:2] < (${MINIMUM[0]}, ${MINIMUM[1]}))" 2>/dev/null
}

interpreter() {
  local wanted=${1:-} found candidate
  if [ -n "$wanted" ]; then
    found=$(command -v "$wanted") || stop "PYTHON=$wanted: no such interpreter; install Python ${MINIMUM[0]}.${MINIMUM[1]} or newer (Debian: apt-get install -y python3)"
    recent_enough "$found" ||
      stop "PYTHON=$wanted is Python $(version_of "$found" || echo '?'); this project needs ${MINIMUM[0]}.${MINIMUM[1]} or newer: install it (Debian 12: apt-get install -y python3) and pass PYTHON=<its path>"
  else
    found=
    for candidate in "${CANDIDATES[@]}"; do
      candidate=$(command -v "$candidate") || continue
      if recent_enough "$candidate"; then
        found=$candidate
        break
      fi
    done
    [ -n "$found" ] ||
      stop "no Python ${MINIMUM[0]}.${MINIMUM[1]} or newer among ${CANDIDATES[*]}: install one (Debian 12: apt-get install -y python3), or pass PYTHON=<its path>"
  fi
  if ! "$found" -c 'import ensurepip, venv' 2>/dev/null; then
    local version
    version=$(version_of "$found") || stop "$found does not run"
    apt_install "for a virtual environment with $found" "python${version%.*}-venv"
  fi
  echo "$found"
}

browser() {
  local missing=()
  [ -x "$CHROMIUM" ] || missing+=(chromium)
  if command -v dpkg-query >/dev/null; then  # a removed package keeps a status: "deinstall ok config-files"
    [ "$(dpkg-query -W -f='${Status}' "$FONTS" 2>/dev/null)" = "install ok installed" ] || missing+=("$FONTS")
  fi
  [ ${#missing[@]} -eq 0 ] || apt_install "for the browser tests" "${missing[@]}"
}

case ${1:-} in
  python) interpreter "${2:-}" ;;
  browser) browser ;;
  *) stop "usage: $0 python [PYTHON] | browser" ;;
esac

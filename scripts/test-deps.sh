#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian/Ubuntu, apt-get), only those that are missing.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/test-deps.sh [--check] [--help]

Installs, with apt-get (through sudo when not run as root), every system package that `./mvnw -B verify` needs and
that is not installed yet, and says which ones it installs. Already installed packages are left alone.

  --check   only list the missing packages; exit 1 if any is missing, 0 otherwise (installs nothing)
  --help    this text

Packages and what needs them:
  openjdk-17-jdk-headless  the build itself (only when no `java` of version 17 or later is on the PATH)
  prosody                  integration tests (*IT) of every module, the default XMPP server of the test kit
  ejabberd                 the same main flows against a second server (EjabberdServer in iot-testkit)
  python3-slixmpp          interop-tests: Slixmpp peers (run with /usr/bin/python3)
  openssl                  the test kit's throw-away TLS certificates
  postgresql               registry and provisioning storage tests on PostgreSQL
  chromium chromium-driver browser tests of the web console
  systemd                  `systemd-analyze verify` of the shipped service units
  gnupg python3            the release dry run (signs the Central bundle with a throwaway key, checks it)

Debian starts the packaged prosody, ejabberd and postgresql services on install; the tests do not use them (they
start private servers on free loopback ports) and do not clash with them.
Without apt-get, install the equivalent packages with your system's package manager, or skip the integration tests
explicitly with -Dxmpp.it.skip=true.
USAGE
}

check_only=false
for arg in "$@"; do
  case "$arg" in
    --check) check_only=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test-deps.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

packages=(prosody ejabberd python3-slixmpp openssl postgresql chromium chromium-driver systemd gnupg python3)

java_ok() {
  command -v java >/dev/null 2>&1 || return 1
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ -n "$v" ] && [ "${v%%.*}" -ge 17 ] 2>/dev/null
}
installed() { # installed PACKAGE: whether dpkg knows it as installed
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps.sh: no apt-get/dpkg on this machine. Install these (or their equivalents) yourself:" >&2
  echo "  ${packages[*]} and a JDK 17+" >&2
  exit 1
fi

missing=()
java_ok || missing+=(openjdk-17-jdk-headless)
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "test-deps.sh: every system package the tests need is installed."
  exit 0
fi
if $check_only; then
  echo "test-deps.sh: missing: ${missing[*]}"
  exit 1
fi

echo "test-deps.sh: installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "test-deps.sh: not root and no sudo; run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  }
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
echo "test-deps.sh: installed ${missing[*]}"

#!/usr/bin/env bash
# Checks the Linux distribution that `./mvnw verify` builds in dist/target: the contents of the .deb and the .tar.gz,
# and the launcher of the .tar.gz. With --install (as root), or in CI (CI=true, as root), it also installs the .deb on
# this machine, runs the installed launcher and a hub as the unit would (the unit's user, command line, options and
# credential) against a throw-away Prosody, verifies the installed units with systemd-analyze, and purges the package.
# The install step never runs on a developer's machine unless asked for with --install.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/package-check.sh [--install]"
  echo "  checks dist/target/xmpp-iot_*_all.deb and xmpp-iot-*.tar.gz (build them with ./mvnw -B -pl dist -am verify)"
  echo "  --install  also install the .deb on THIS machine (root only; CI=true implies it), test it, purge it"
}
install=false
case "${1:-}" in
  --install) install=true ;;
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac
if [ "${CI:-}" = true ]; then install=true; fi

checks=0
fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "package-check: ok: $*"; }
started=$(date +%s)

shopt -s nullglob
debs=(dist/target/xmpp-iot_*_all.deb)
tars=(dist/target/xmpp-iot-*.tar.gz)
[ ${#debs[@]} -eq 1 ] || fail "expected one dist/target/xmpp-iot_*_all.deb, found ${#debs[@]}: build it with ./mvnw -B -pl dist -am verify"
[ ${#tars[@]} -eq 1 ] || fail "expected one dist/target/xmpp-iot-*.tar.gz, found ${#tars[@]}"
deb=${debs[0]} tarball=${tars[0]}
work=$(mktemp -d)
chmod 0711 "$work" # the service user reaches its credential directory inside
cleanups=()
cleanup() {
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

jar_list() { # jar_list JAR: the entries of a jar
  if command -v unzip >/dev/null; then unzip -Z1 "$1"; else (cd "$work" && jar tf "$1"); fi
}

# --- the .deb ----------------------------------------------------------------------------------------------------
[ "$(dpkg-deb -f "$deb" Architecture)" = all ] || fail "$deb: Architecture is not 'all'"
depends=$(dpkg-deb -f "$deb" Depends)
[[ "$depends" == *"openjdk-17-jre-headless | java17-runtime-headless"* ]] || fail "$deb: Depends '$depends' lacks Java 17"
ok "$deb: Architecture: all, Depends: $depends"
dpkg-deb -c "$deb" | awk '{ s = $1 " " $6; if (NF > 6) s = s " " $7 " " $8; print s }' >"$work/deb.txt"
for f in ./usr/share/xmpp-iot/lib/xmpp-iot.jar ./lib/systemd/system/xmpp-iot-hub.service \
  ./lib/systemd/system/xmpp-iot-registry.service ./lib/systemd/system/xmpp-iot-provisioning.service \
  ./etc/default/xmpp-iot-hub ./etc/default/xmpp-iot-registry ./etc/default/xmpp-iot-provisioning \
  ./usr/share/doc/xmpp-iot/copyright ./usr/share/doc/xmpp-iot/examples/hub.json; do
  grep -q "^-rw-r--r-- $f\$" "$work/deb.txt" || fail "$deb: no $f (mode 0644)"
done
grep -q '^-rwxr-xr-x ./usr/share/xmpp-iot/bin/xmpp-iot$' "$work/deb.txt" || fail "$deb: no executable launcher"
grep -q '^lrw.* ./usr/bin/xmpp-iot -> ../share/xmpp-iot/bin/xmpp-iot$' "$work/deb.txt" || fail "$deb: no /usr/bin/xmpp-iot"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$work/conffiles"
[ "$(sort "$work/conffiles" | tr '\n' ' ')" = "/etc/default/xmpp-iot-hub /etc/default/xmpp-iot-provisioning /etc/default/xmpp-iot-registry " ] \
  || fail "$deb: conffiles are $(tr '\n' ' ' <"$work/conffiles")"
ok "$deb: launcher, jar, 3 units, 3 conffiles, documentation"

# --- the .tar.gz and its launcher ----------------------------------------------------------------------------------
mkdir "$work/tar"
tar -xzf "$tarball" -C "$work/tar"
home=("$work"/tar/xmpp-iot-*)
[ -x "${home[0]}/bin/xmpp-iot" ] || fail "$tarball: no executable bin/xmpp-iot"
for f in lib/xmpp-iot.jar systemd/xmpp-iot-hub.service default/xmpp-iot-hub doc/raspberry-pi.md LICENSE; do
  [ -f "${home[0]}/$f" ] || fail "$tarball: no $f"
done
cmp -s "${home[0]}/lib/xmpp-iot.jar" <(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/xmpp-iot/lib/xmpp-iot.jar) \
  || fail "the .deb and the .tar.gz hold different jars"
jar_list "${home[0]}/lib/xmpp-iot.jar" >"$work/jar.txt"
for p in com/pi4j/plugin/gpiod/GpioDPlugin.class com/pi4j/plugin/linuxfs/LinuxFsPlugin.class \
  com/pi4j/plugin/raspberrypi/RaspberryPiPlugin.class lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so \
  lib/armhf/pi4j-gpiod/libpi4j-gpiod.so; do
  grep -qx "$p" "$work/jar.txt" || fail "xmpp-iot.jar: no $p"
done
if grep -qE '^(org/apache/vysper|org/apache/mina|com/jcraft)/' "$work/jar.txt"; then
  fail "xmpp-iot.jar carries Vysper, MINA or JSch"
fi
ok "$tarball: same jar as the .deb, with the Pi4J gpiod/linuxfs/raspberrypi plugins, without Vysper"
"${home[0]}/bin/xmpp-iot" --help >"$work/help.txt" || fail "bin/xmpp-iot --help failed"
grep -q "Usage: xmpp-iot" "$work/help.txt" || fail "bin/xmpp-iot --help printed no usage"
ok "$tarball: bin/xmpp-iot --help"

if ! $install; then
  echo "package-check: $checks checks passed in $(($(date +%s) - started)) s (install step skipped: pass --install, as root, to run it)"
  exit 0
fi

# --- install on this machine ---------------------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || fail "--install needs root (it installs the .deb on this machine)"
export DEBIAN_FRONTEND=noninteractive
need=()
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v prosody >/dev/null || need+=(prosody)
command -v openssl >/dev/null || need+=(openssl)
if ((${#need[@]})); then
  apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends "${need[@]}" >/dev/null; }
fi
if dpkg -s xmpp-iot >/dev/null 2>&1; then fail "xmpp-iot is already installed here: remove it first"; fi
new_groups=()
for g in gpio i2c spi; do getent group "$g" >/dev/null || new_groups+=("$g"); done
had_user=false
if getent passwd xmpp-iot >/dev/null; then had_user=true; fi
cleanups+=("dpkg --purge xmpp-iot >/dev/null")
if ! $had_user; then cleanups+=("userdel xmpp-iot 2>/dev/null; groupdel xmpp-iot 2>/dev/null"); fi
for g in "${new_groups[@]}"; do cleanups+=("groupdel $g"); done
deb_path=$(realpath "$deb")
apt_install_deb() { apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends "$deb_path" >>"$work/apt.log" 2>&1; }
# a machine without Java gets it from Debian (Depends: openjdk-17-jre-headless), which may need fresh package lists
apt_install_deb || { apt-get update >>"$work/apt.log" 2>&1 && apt_install_deb; } \
  || { cat "$work/apt.log" >&2; fail "apt-get install of $deb"; }
ok "installed $deb"

groups=$(id -nG xmpp-iot)
for g in gpio i2c spi; do [[ " $groups " == *" $g "* ]] || fail "user xmpp-iot is not in group $g ($groups)"; done
[ "$(stat -c '%U:%G %a' /etc/xmpp-iot)" = "root:xmpp-iot 775" ] || fail "/etc/xmpp-iot is $(stat -c '%U:%G %a' /etc/xmpp-iot)"
[ "$(stat -c '%U %a' /etc/credstore)" = "root 700" ] || fail "/etc/credstore is $(stat -c '%U %a' /etc/credstore)"
ok "user xmpp-iot in groups $groups; /etc/xmpp-iot and /etc/credstore"

runuser -u xmpp-iot -- xmpp-iot --help >"$work/help2.txt" || fail "installed xmpp-iot --help failed"
grep -q "Usage: xmpp-iot" "$work/help2.txt" || fail "installed xmpp-iot --help printed no usage"
ok "installed launcher: xmpp-iot --help as user xmpp-iot"

units=(/lib/systemd/system/xmpp-iot-hub.service /lib/systemd/system/xmpp-iot-registry.service
  /lib/systemd/system/xmpp-iot-provisioning.service)
if ! systemd-analyze verify "${units[@]}" >"$work/verify.txt" 2>&1; then
  cat "$work/verify.txt" >&2
  fail "systemd-analyze verify"
fi
if grep -q "xmpp-iot" "$work/verify.txt"; then cat "$work/verify.txt" >&2; fail "systemd-analyze verify warns about the units"; fi
ok "systemd-analyze verify ${units[*]##*/}"

# --- a hub, as xmpp-iot-hub.service runs it, against a throw-away Prosody ------------------------------------------
domain=pkgcheck.localhost
port=
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || fail "no free port"
mkdir -p "$work/prosody/data"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$domain" \
  -addext "subjectAltName=DNS:$domain" -keyout "$work/prosody/key.pem" -out "$work/prosody/cert.pem" 2>/dev/null
cat >"$work/prosody/prosody.cfg.lua" <<CFG
run_as_root = true
pidfile = "$work/prosody/prosody.pid"
data_path = "$work/prosody/data"
log = { { levels = { min = "info" }, to = "file", filename = "$work/prosody/prosody.log" } }
interfaces = { "127.0.0.1" }
c2s_ports = { $port }
c2s_direct_tls_ports = { }
legacy_ssl_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }
component_ports = { }
modules_enabled = { "roster", "saslauth", "disco", "ping", "tls" }
modules_disabled = { "s2s", "s2s_auth_certs" }
authentication = "internal_hashed"
storage = "internal"
c2s_require_encryption = true
certificates = "$work/prosody"
ssl = { certificate = "$work/prosody/cert.pem", key = "$work/prosody/key.pem" }
VirtualHost "$domain"
CFG
for user in hub owner; do
  prosodyctl --config "$work/prosody/prosody.cfg.lua" register "$user" "$domain" "pw-$user-$$" >/dev/null
done
prosody -F --config "$work/prosody/prosody.cfg.lua" >"$work/prosody/console.log" 2>&1 &
prosody_pid=$!
cleanups+=("kill $prosody_pid 2>/dev/null; wait $prosody_pid 2>/dev/null")
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$prosody_pid" 2>/dev/null || { cat "$work/prosody/console.log" >&2; fail "Prosody did not start"; }
  sleep 0.1
done

# configuration as a user writes it (docs/raspberry-pi.md), with the mock backend instead of a Pi's pins
install -m 0644 "$work/prosody/cert.pem" /etc/xmpp-iot/server.pem
cat >/etc/xmpp-iot/hub.json <<'JSON'
{"rootId": "Hub", "hal": {"backend": "mock"}, "nodes": [{"id": "Heater", "type": "relay", "parameters": {"pin": 22}}]}
JSON
(umask 077 && printf '%s\n' "pw-hub-$$" >/etc/credstore/xmpp-iot-hub.password)
sed -i "s|^XMPP_IOT_OPTIONS=.*|XMPP_IOT_OPTIONS=\"--jid hub@$domain --resource hub --host 127.0.0.1 --port $port --trust-cert /etc/xmpp-iot/server.pem --allow owner@$domain\"|" \
  /etc/default/xmpp-iot-hub
# what systemd does for the unit: its EnvironmentFile, its LoadCredential (a directory only the user can read), its
# User, and its ExecStart with $XMPP_IOT_OPTIONS split into words
unit=/lib/systemd/system/xmpp-iot-hub.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
credentials="$work/credentials"
install -d -o xmpp-iot -m 0500 "$credentials"
install -o xmpp-iot -m 0400 /etc/credstore/xmpp-iot-hub.password "$credentials/xmpp-password"
(
  set -a
  # shellcheck disable=SC1091
  . /etc/default/xmpp-iot-hub
  set +a
  exec runuser -u xmpp-iot -- env CREDENTIALS_DIRECTORY="$credentials" sh -c "exec $exec_start"
) >"$work/hub.out" 2>"$work/hub.err" &
hub_pid=$!
cleanups+=("kill $hub_pid 2>/dev/null; wait $hub_pid 2>/dev/null")
online=
for _ in $(seq 1 600); do
  online=$(sed -n 's/.* online as \([^ ]*\) .*/\1/p' "$work/hub.out")
  [ -n "$online" ] && break
  kill -0 "$hub_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$online" ] || { cat "$work/hub.out" "$work/hub.err" >&2; fail "the installed hub did not come online"; }
ok "installed hub online as $online (unit's user, ExecStart, options file and credential)"
XMPP_PASSWORD="pw-owner-$$" xmpp-iot read --jid "owner@$domain" --host 127.0.0.1 --port "$port" \
  --trust-cert /etc/xmpp-iot/server.pem "$online" --node Heater >"$work/read.txt" 2>&1 \
  || { cat "$work/read.txt" >&2; fail "xmpp-iot read of the installed hub"; }
grep -Eq 'Heater +Output +false' "$work/read.txt" || { cat "$work/read.txt" >&2; fail "the read-out lacks Heater Output"; }
ok "xmpp-iot read of the hub's node Heater"
runuser -u xmpp-iot -- test -w /etc/xmpp-iot || fail "the hub cannot write /etc/xmpp-iot"
runuser -u xmpp-iot -- test ! -r /etc/credstore/xmpp-iot-hub.password || fail "user xmpp-iot can read /etc/credstore"
ok "the hub can rewrite its hub.json; its user cannot read /etc/credstore"

echo "package-check: $checks checks passed in $(($(date +%s) - started)) s (installed, tested and purged $deb)"

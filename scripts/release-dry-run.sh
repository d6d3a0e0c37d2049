#!/usr/bin/env bash
# Release dry run: builds the exact Maven Central bundle that RELEASE.md's command would upload, signed with a
# throwaway GPG key generated here, without uploading it, and checks it:
#   - exactly the published modules (the parent, the BOM and every module with src/main/javadoc/overview.html);
#   - each with its POM, jar, sources jar, javadoc jar, a valid .asc signature for each and the checksum files;
#   - complete POM metadata (name, description, url, licence, developers, scm) with the project's own url and scm,
#     not one with "/<module>" appended; no SNAPSHOT anywhere in the released POMs or their resolved dependencies;
#   - the BOM's third-party versions equal the parent's;
#   - reproducible: a second build of the published modules gives byte-identical jars.
# It works on a copy of the work tree with the version set to the release version (x.y.z-SNAPSHOT -> x.y.z), skips the
# tests (CI runs them separately), installs nothing into ~/.m2 and leaves the work tree untouched.
# Usage: scripts/release-dry-run.sh [--keep]   (--keep: keep the copy and print where it is)
set -euo pipefail
# the whole script is one function, read before it runs: editing the file during a run cannot derail the run
main() {
root=$(cd "$(dirname "$0")/.." && pwd)
keep=false
case "${1:-}" in
  --keep) keep=true ;;
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
esac
for tool in git gpg python3; do
  command -v "$tool" >/dev/null || { echo "release dry run needs $tool on the PATH (apt-get install ${tool/gpg/gnupg})" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/xmpp-iot-release.XXXXXX")
export GNUPGHOME="$work/gnupg"
cleanup() {
  gpgconf --homedir "$GNUPGHOME" --kill all >/dev/null 2>&1 || true
  if $keep; then echo "dry run copy kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
start=$(date +%s)

# 1. A copy of the work tree: tracked and new files, no build output.
mkdir -p "$work/src"
(cd "$root" && git ls-files -z -co --exclude-standard) \
  | (cd "$root" && while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) \
  | tar -C "$root" --null -T - -cf - | tar -C "$work/src" -xf -
src="$work/src"
snapshot=$(python3 - "$src/pom.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {'m': 'http://maven.apache.org/POM/4.0.0'}
print(ET.parse(sys.argv[1]).getroot().find('m:version', ns).text)
EOF
)
version=${snapshot%-SNAPSHOT}
echo "release dry run of $version (work tree version $snapshot) in $work"
# the release's version bump (RELEASE.md step 2), done here on the copy only
find "$src" -name pom.xml -not -path '*/target/*' -exec sed -i "s/${snapshot//./\\.}/$version/g" {} +

# 2. A throwaway signing key, valid for one day, without passphrase, in a temporary GNUPGHOME.
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-generate-key 'xmpp-iot release dry run <dry-run@example.invalid>' \
  ed25519 sign 1d 2>/dev/null
keyid=$(gpg --batch --list-keys --with-colons 2>/dev/null | awk -F: '/^fpr:/ {print $10; exit}')

# 3. The release command of RELEASE.md, building the bundle without uploading it.
log="$work/release-build.log"
if ! (cd "$src" && ./mvnw -B -ntp -Prelease deploy -DskipTests -Dmaven.install.skip=true -DskipUpload=true \
      -Dgpg.keyname="$keyid" >"$log" 2>&1); then
  tail -n 60 "$log"; echo "release dry run: the release build failed (log above)" >&2; exit 1
fi
bundle=$(find "$src" -path '*/central-publishing/*.zip' | head -n 1)
[ -n "$bundle" ] || { tail -n 40 "$log"; echo "release dry run: no bundle was written" >&2; exit 1; }
cp "$bundle" "$work/central-bundle.zip"
python3 -m zipfile -e "$work/central-bundle.zip" "$work/bundle"

# 4. Effective POMs of the whole reactor, for the metadata checks.
(cd "$src" && ./mvnw -B -q -ntp -Prelease help:effective-pom -Doutput="$work/effective-poms.xml" >>"$log" 2>&1) \
  || { tail -n 40 "$log"; echo "release dry run: effective-pom failed" >&2; exit 1; }

(cd "$src" && { echo xmpp-iot-bom; for d in */src/main/javadoc/overview.html; do echo "${d%%/*}"; done; }) \
  > "$work/published.txt"

# 5. Reproducibility: build the published jar modules a second time (clean) and keep their jars.
published_jars=$(cd "$src" && for d in */src/main/javadoc/overview.html; do printf '%s,' "${d%%/*}"; done)
cp -r "$src" "$work/again"
(cd "$work/again" && find . -name target -type d -prune -exec rm -rf {} + \
  && ./mvnw -B -q -ntp package -DskipTests -pl "${published_jars%,}" >>"$log" 2>&1) \
  || { tail -n 40 "$log"; echo "release dry run: the second build failed" >&2; exit 1; }

# 6. Consumer projects on the bundle, as users would build them: one per published artifact, to resolve its runtime
#    dependency tree, and one with the README's BOM snippet that compiles the README's examples. They resolve our
#    artifacts from the bundle and everything else from ~/.m2 (read-only) or Maven Central, into a temporary local
#    repository.
python3 - "$root/README.md" "$work" "$version" <<'PYEOF'
import os, re, sys
readme, work, version = sys.argv[1:]
text = open(readme).read()
blocks = re.findall(r'```(\w*)\n(.*?)```', text, re.S)
snippet = next(b for lang, b in blocks if lang == 'xml' and 'xmpp-iot-bom' in b)
snippet = re.sub(r'(<artifactId>xmpp-iot-bom</artifactId>\s*<version>)[^<]*', r'\g<1>' + version, snippet)
connect = next(b for lang, b in blocks if lang == 'java' and 'IotConnection.builder' in b)
sensor = next(b for lang, b in blocks if lang == 'java' and 'Thing.builder' in b)
c = f'{work}/consumer'
published = [l.strip() for l in open(f'{work}/published.txt') if l.strip() and l.strip() != 'xmpp-iot-bom']
def pom(artifact_id, body, packaging='jar', parent=True):
    head = ('<parent><groupId>consumer</groupId><artifactId>consumer</artifactId><version>1</version></parent>'
            if parent else '<groupId>consumer</groupId><version>1</version>')
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>{head}
<artifactId>{artifact_id}</artifactId><packaging>{packaging}</packaging>{body}</project>\n"""
modules = [f'only-{a}' for a in published] + ['readme']
os.makedirs(c, exist_ok=True)
open(f'{c}/pom.xml', 'w').write(pom('consumer', f"""
<properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<repositories><repository><id>release-dry-run</id><url>file://{work}/bundle</url></repository></repositories>
<modules>{''.join(f'<module>{m}</module>' for m in modules)}</modules>""", 'pom', parent=False))
for a in published:
    os.makedirs(f'{c}/only-{a}', exist_ok=True)
    open(f'{c}/only-{a}/pom.xml', 'w').write(pom(f'only-{a}', f"""<dependencies><dependency>
<groupId>io.github.xmppiot</groupId><artifactId>{a}</artifactId><version>{version}</version></dependency></dependencies>"""))
os.makedirs(f'{c}/readme/src/main/java/consumer', exist_ok=True)
open(f'{c}/readme/pom.xml', 'w').write(pom('readme', snippet))
open(f'{c}/readme/src/main/java/consumer/ReadmeExample.java', 'w').write(f"""package consumer;

import io.github.xmppiot.core.connection.*;
import io.github.xmppiot.core.thing.*;
import io.github.xmppiot.core.value.*;
import io.github.xmppiot.sensordata.*;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** The README's examples, verbatim, compiled against the README's dependency snippet. */
final class ReadmeExample {{
    static XMPPTCPConnection connect(String password) throws Exception {{
{connect}        return connection;
    }}

    static String sensor(XMPPTCPConnection device, XMPPTCPConnection client) throws Exception {{
{sensor}        return temperature;
    }}
}}
""")
PYEOF
(cd "$src" && ./mvnw -B -q -ntp -f "$work/consumer/pom.xml" -Dmaven.repo.local="$work/consumer-m2" \
  -Dmaven.repo.local.tail="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" compile dependency:list -DincludeScope=runtime \
  -DoutputFile=deps.txt -DappendOutput=false >>"$log" 2>&1) \
  || { tail -n 40 "$log"; echo "release dry run: a consumer project of the bundle failed to build" >&2; exit 1; }

# 7. The checks.
python3 - "$src" "$work" "$version" <<'EOF'
import glob, hashlib, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
src, work, version = sys.argv[1:]
N = '{http://maven.apache.org/POM/4.0.0}'
G = 'io/github/xmppiot'
problems = []
def bad(msg): problems.append(msg)

root = ET.parse(f'{src}/pom.xml').getroot()
modules = [m.text for m in root.find(f'{N}modules')]
jar_modules = sorted(m for m in modules if os.path.exists(f'{src}/{m}/src/main/javadoc/overview.html'))
expected = {'xmpp-iot-parent': 'pom', 'xmpp-iot-bom': 'pom', **{m: 'jar' for m in jar_modules}}
unpublished = sorted(set(modules) - set(jar_modules) - {'bom'})

z = zipfile.ZipFile(f'{work}/central-bundle.zip')
names = [n for n in z.namelist() if not n.endswith('/')]
by_artifact = {}
for n in names:
    parts = n.split('/')
    if '/'.join(parts[:3]) != G or len(parts) != 6:
        bad(f'unexpected path in bundle: {n}'); continue
    artifact, ver, fname = parts[3:]
    if ver != version: bad(f'{n}: version {ver}, expected {version}')
    by_artifact.setdefault(artifact, []).append(fname)
if sorted(by_artifact) != sorted(expected):
    bad(f'bundle holds {sorted(by_artifact)}, expected exactly {sorted(expected)}')
for u in unpublished:
    if u in by_artifact: bad(f'not-published module {u} is in the bundle')

# iot-core's tests jar: XmlCompare for the XEP modules' tests; hal-mock's: the HAL driver contract tests hal-pi4j
# reuses (see RELEASE.md)
allowed_extra = {'iot-core': ['tests.jar'], 'hal-mock': ['tests.jar']}
for artifact, kind in expected.items():
    files = set(by_artifact.get(artifact, []))
    base = f'{artifact}-{version}'
    need = [f'{base}.pom'] + ([f'{base}.jar', f'{base}-sources.jar', f'{base}-javadoc.jar'] if kind == 'jar' else [])
    extra = [f'{base}-{e}' for e in allowed_extra.get(artifact, [])]
    for f in need + [e for e in extra if e in files]:
        for suffix in ('', '.asc', '.md5', '.sha1'):
            if f + suffix not in files: bad(f'{artifact}: {f + suffix} missing')
        path = f'{work}/bundle/{G}/{artifact}/{version}/{f}'
        if f in files and f + '.asc' in files:
            r = subprocess.run(['gpg', '--batch', '--verify', path + '.asc', path], capture_output=True)
            if r.returncode: bad(f'{artifact}: bad signature on {f}')
            for algo in ('md5', 'sha1'):
                with open(path, 'rb') as fh: digest = hashlib.new(algo, fh.read()).hexdigest()
                if f + '.' + algo in files and open(f'{path}.{algo}').read().split()[0] != digest:
                    bad(f'{artifact}: wrong {algo} of {f}')
    known = {f + s for f in need + extra for s in ('', '.asc', '.md5', '.sha1', '.sha256', '.sha512', '.asc.md5',
                                                     '.asc.sha1', '.asc.sha256', '.asc.sha512')}
    for f in files - known: bad(f'{artifact}: unexpected file {f} in the bundle')
    for f in files:
        if f.endswith('.pom') and 'SNAPSHOT' in open(f'{work}/bundle/{G}/{artifact}/{version}/{f}').read():
            bad(f'{artifact}: SNAPSHOT in {f}')

# every published jar names its Java module (RELEASE.md, "Java modules")
for m in jar_modules:
    jar = f'{work}/bundle/{G}/{m}/{version}/{m}-{version}.jar'
    if os.path.exists(jar):
        manifest = zipfile.ZipFile(jar).read('META-INF/MANIFEST.MF').decode()
        if 'Automatic-Module-Name: io.github.xmppiot.' not in manifest: bad(f'{m}: no Automatic-Module-Name')

# POM metadata, from the effective POMs
url = root.find(f'{N}url').text
scm = {e: root.find(f'{N}scm/{N}{e}').text for e in ('url', 'connection', 'developerConnection')}
eff = ET.parse(f'{work}/effective-poms.xml').getroot()
projects = eff.findall(f'{N}project') if eff.tag in ('projects', f'{N}projects') else [eff]
seen = set()
for p in projects:
    a = p.find(f'{N}artifactId').text
    if a not in expected: continue
    seen.add(a)
    for e in ('name', 'description', 'url'):
        if not (p.findtext(f'{N}{e}') or '').strip(): bad(f'{a}: no <{e}>')
    if p.findtext(f'{N}url') != url: bad(f'{a}: url {p.findtext(f"{N}url")}, expected {url}')
    if not p.findall(f'{N}licenses/{N}license/{N}name'): bad(f'{a}: no licence')
    if not p.findall(f'{N}developers/{N}developer/{N}name'): bad(f'{a}: no developer')
    for e, v in scm.items():
        if p.findtext(f'{N}scm/{N}{e}') != v: bad(f'{a}: scm {e} {p.findtext(f"{N}scm/{N}{e}")}, expected {v}')
    for d in p.iter(f'{N}dependency'):
        if 'SNAPSHOT' in (d.findtext(f'{N}version') or ''):
            bad(f'{a}: SNAPSHOT dependency {d.findtext(f"{N}artifactId")}:{d.findtext(f"{N}version")}')
for a in expected:
    if a not in seen: bad(f'{a}: no effective POM')

# BOM versions equal the parent's
bom = ET.parse(f'{src}/bom/pom.xml').getroot()
for prop in bom.find(f'{N}properties'):
    name = prop.tag[len(N):]
    if name.endswith('.version'):
        parent_value = root.findtext(f'{N}properties/{N}{name}')
        if parent_value != prop.text: bad(f'BOM {name} = {prop.text}, parent has {parent_value}')

# what each published artifact brings to its users at run time
server_side = ['com.h2database:h2', 'io.nayuki:qrcodegen', 'org.jmdns:jmdns', 'com.zaxxer:HikariCP', 'org.flywaydb:',
               'org.postgresql:']
never = ['com.pi4j:pi4j-plugin-mock', 'org.igniterealtime.smack:smack-experimental',
         'org.igniterealtime.smack:smack-xmlparser-stax', 'org.slf4j:slf4j-simple', 'info.picocli:', 'org.apache.vysper:',
         'org.openjdk.jmh:', 'org.assertj:', 'net.jqwik:', 'org.junit.', 'com.pi4j:', 'io.github.xmppiot:iot-core:jar:tests']
allowed = {'iot-testkit': ['org.junit.'], 'hal-pi4j': ['com.pi4j:pi4j-core']}
for m in jar_modules:
    deps = f'{work}/consumer/only-{m}/deps.txt'
    if not os.path.exists(deps): bad(f'{m}: the consumer project resolved nothing'); continue
    lines = [l.strip() for l in open(deps) if re.match(r'\s+\S+:\S+:', l)]
    for l in lines:
        if 'SNAPSHOT' in l: bad(f'{m}: its users would get a SNAPSHOT: {l}')
        for f in server_side + never:
            if l.startswith(f) and not any(l.startswith(a) for a in allowed.get(m, [])):
                bad(f'{m}: its users would get {l}')
    print(f'  {m}: {len(lines)} runtime dependencies for its users')

# reproducibility
for m in jar_modules:
    for c in ('', '-sources', '-javadoc'):
        f = f'{m}-{version}{c}.jar'
        first = f'{work}/bundle/{G}/{m}/{version}/{f}'
        second = f'{work}/again/{m}/target/{f}'
        if not (os.path.exists(first) and os.path.exists(second)):
            bad(f'{f}: missing for the reproducibility check'); continue
        h1, h2 = (hashlib.sha256(open(x, 'rb').read()).hexdigest() for x in (first, second))
        if h1 != h2: bad(f'{f}: not reproducible ({h1[:12]} vs {h2[:12]})')

print(f'Central bundle {version}: {len(names)} files, {len(by_artifact)} artifacts')
for a in sorted(by_artifact):
    print(f'  {a}: ' + ' '.join(sorted(f for f in by_artifact[a] if not re.search(r'\.(asc|md5|sha1|sha256|sha512)$', f))))
print(f'  not published: {", ".join(unpublished)}')
if problems:
    print('release dry run FAILED:'); [print('  - ' + p) for p in problems]; sys.exit(1)
print('release dry run passed: signatures, checksums, POM metadata, no SNAPSHOT, BOM aligned, reproducible')
EOF
echo "release dry run took $(( $(date +%s) - start )) s"
}
main "$@"
exit

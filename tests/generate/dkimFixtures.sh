#!/usr/bin/env bash
# Regenerates tests/fixtures/mail/dkim/: real DKIM-signed messages made by dkimpy (Debian's
# python3-dkim, the library behind `dkimsign`), altered copies, the public keys as a zone file and a
# manifest of what each file must verify to. Keys are fresh each run and the private halves are
# discarded; the committed output is plain text. Needs root (apt-get) or the packages already present.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../fixtures/mail/dkim"

if ! /usr/bin/python3 -c 'import dkim, nacl' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install python3-dkim and python3-nacl (apt-get install -y python3-dkim python3-nacl) first" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-dkim python3-nacl openssl >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*.eml "$out"/keys.zone "$out"/manifest.json
/usr/bin/python3 "$here/dkimFixtures.py" "$work" "$out"
echo "DKIM fixtures written to $out"

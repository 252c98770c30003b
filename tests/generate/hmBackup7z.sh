#!/usr/bin/env bash
# An hMailServer backup archive made with Debian's 7-Zip: "HMBackup <date>.7z" holding hMailServerBackup.xml
# (UTF-16LE with a byte-order mark, as hMailServer writes it) and a DataBackup/ folder, like BackupExecuter.cpp.
# Output: tests/.generated/database/ (git-ignored). Usage: bash tests/generate/hmBackup7z.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$repo/tests/.generated/database"
work="$(mktemp -d /tmp/hmail-backup.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if ! command -v 7zz >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq 7zip >/dev/null
fi

mkdir -p "$out" "$work/DataBackup/northwind.example/bob/B8"
printf 'From: x@fabrikam.example\r\nSubject: hi\r\n\r\nbody\r\n' >"$work/DataBackup/northwind.example/bob/B8/{B8D79309-B581-48A4-83E5-673B2B81225C}.eml"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$repo/tests/fixtures/database/hMailServerBackup.xml"; } >"$work/hMailServerBackup.xml"
rm -f "$out/HMBackup 2024-05-20 094107.7z"
(cd "$work" && 7zz a -bd -bso0 "$out/HMBackup 2024-05-20 094107.7z" hMailServerBackup.xml DataBackup)
ls -l "$out"

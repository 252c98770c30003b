#!/usr/bin/env bash
# Real-tool database fixtures: loads hMailServer's schema 5601 and the shared sample's rows into a local
# MariaDB and PostgreSQL (Debian packages), dumps them with mariadb-dump and pg_dump, and writes SSMS-style
# SQL Server scripts and ExportSqlCe scripts (both dialects) of the same rows (plus tests/fixtures/database/extra-rows.sql). Output: tests/fixtures/database/ (provenance in its README.md).
# Usage: bash tests/generate/dbDumps.sh [path/to/hMailServer-converted.sqlite]
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/tests/fixtures/database"
extra="$out/extra-rows.sql"
shared="${HMAIL_SHARED_DIR:-$repo/../shared}"
sample="${1:-}"
work="$(mktemp -d /tmp/hmail-dbdumps.XXXXXX)"
chmod 755 "$work"

if [ -z "$sample" ]; then
  unzip -o -q "$shared/samples/sample-case.zip" 'hMailServer/Database/*' -d "$work/sample"
  sample="$work/sample/hMailServer/Database/hMailServer-converted.sqlite"
fi

if ! command -v mariadb-dump >/dev/null || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client postgresql >/dev/null
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

stop_servers() {
  [ -S "$work/mysql.sock" ] && mariadb-admin --no-defaults --socket="$work/mysql.sock" -uroot shutdown 2>/dev/null || true
  [ -f "$work/pg/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_servers EXIT

# MariaDB on a private socket, no TCP.
mariadb-install-db --no-defaults --datadir="$work/mysql" --user=root --auth-root-authentication-method=normal >/dev/null
mariadbd --no-defaults --datadir="$work/mysql" --socket="$work/mysql.sock" --pid-file="$work/mysql.pid" \
  --skip-networking --user=root --character-set-server=utf8mb4 >"$work/mysql.log" 2>&1 &
for _ in $(seq 60); do [ -S "$work/mysql.sock" ] && break; sleep 0.5; done
my() { mariadb --no-defaults --socket="$work/mysql.sock" -uroot "$@"; }
my -e 'create database hMailServer character set utf8mb4'
(cd "$here/dbDumps" && python3 -c 'import schema; print(schema.ddl("mysql"))') | my hMailServer
(cd "$here/dbDumps" && python3 -c 'import sys, sampleRows; print(sampleRows.insert_statements(sys.argv[1], sys.argv[2], "mysql"))' "$sample" "$extra") | my hMailServer
mariadb-dump --no-defaults --socket="$work/mysql.sock" -uroot hMailServer >"$out/sample-mariadb-dump.sql"

# PostgreSQL as the postgres user (initdb refuses root), on a private socket directory and port.
mkdir "$work/pg" && chown postgres "$work/pg" && chmod 1777 "$work"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-k $work -p 54329 -c listen_addresses=''" start >/dev/null
pg() { runuser -u postgres -- "$pgbin/psql" -q -v ON_ERROR_STOP=1 -h "$work" -p 54329 -U postgres "$@"; }
pg -c 'create database hmailserver'
{
  # hMailServer's PostgreSQL scripts create this helper; pg_dump writes it back as a $$-quoted body.
  printf '%s\n' "create function hm_drop_table(tablename varchar) returns void as \$body\$" \
    "begin if exists (select 1 from pg_class where relname = tablename) then execute 'drop table ' || tablename; end if; end;" \
    "\$body\$ language plpgsql;"
  (cd "$here/dbDumps" && python3 -c 'import schema; print(schema.ddl("pgsql"))')
  (cd "$here/dbDumps" && python3 -c 'import sys, sampleRows; print(sampleRows.insert_statements(sys.argv[1], sys.argv[2], "pgsql"))' "$sample" "$extra")
} | pg -d hmailserver
pgdump() { runuser -u postgres -- "$pgbin/pg_dump" -h "$work" -p 54329 -U postgres "$@" hmailserver; }
pgdump >"$out/sample-pg-dump.sql"
pgdump --inserts >"$out/sample-pg-dump-inserts.sql"
pgdump --column-inserts >"$out/sample-pg-dump-column-inserts.sql"

# SQL Server: no Debian tool exists, so the SSMS "Generate Scripts" format is written directly.
(cd "$here/dbDumps" && python3 ssmsScript.py "$sample" "$extra" ssms18) >"$out/sample-ssms-script.sql"
(cd "$here/dbDumps" && python3 ssmsScript.py "$sample" "$extra" ssms2008) >"$out/sample-ssms2008-script.sql"

# SQL Server Compact (hMailServer.sdf): ErikEJ's ExportSqlCE40.exe output in both of its dialects, reproduced
# from the tool's source (see exportSqlCe.py): the SQL CE script (UTF-16LE) and the `sqlite` one (UTF-8).
(cd "$here/dbDumps" && python3 exportSqlCe.py "$sample" "$extra" sqlce) >"$out/sample-exportsqlce40.sql"
(cd "$here/dbDumps" && python3 exportSqlCe.py "$sample" "$extra" sqlite) >"$out/sample-exportsqlce40-sqlite.sql"

ls -l "$out"

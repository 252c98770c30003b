"""The floor of `npm run bench`: the least work an inventory with hashes can do on the evidence zip.

Every entry inflated (zipfile, streamed in 1 MiB chunks, CRC checked as zipfile always does) and hashed
with MD5 and SHA-256 (hashlib); no parsing. One process.
Usage: python3 pythonFloor.py evidence.zip   → one JSON object on stdout.
"""
import hashlib
import json
import sys
import time
import zipfile

CHUNK_BYTES = 1 << 20


def main(path):
    started = time.perf_counter()
    counts = {'entries': 0, 'unreadable': 0, 'bytes': 0}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            md5 = hashlib.md5()
            sha256 = hashlib.sha256()
            size = 0
            try:
                with archive.open(info) as entry:
                    while chunk := entry.read(CHUNK_BYTES):
                        md5.update(chunk)
                        sha256.update(chunk)
                        size += len(chunk)
            except (NotImplementedError, zipfile.BadZipFile, OSError):
                counts['unreadable'] += 1
                continue
            md5.digest()
            sha256.digest()
            counts['entries'] += 1
            counts['bytes'] += size
    json.dump({'seconds': time.perf_counter() - started, **counts}, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1])

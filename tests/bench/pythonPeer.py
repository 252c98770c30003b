"""The Python peer of `npm run bench`: the same evidence zip through the standard library only.

For every entry: inflate (zipfile), MD5 and SHA-256 (hashlib); for every .eml entry also a parse with the
`email` package (policy=email.policy.default), the text body (get_body plain, then html → get_content) and
every attachment's decoded bytes with their SHA-256. One process, one core, as an examiner's script would be.
Usage: python3 pythonPeer.py evidence.zip   → one JSON object on stdout.
"""
import email
import email.policy
import hashlib
import json
import sys
import time
import zipfile


def analyse_message(data):
    """Returns the number of attachments; raises when the stdlib cannot take the message apart."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    body = message.get_body(preferencelist=('plain', 'html'))
    if body is not None:
        body.get_content()
    attachments = 0
    for part in message.walk():
        if not part.is_attachment():
            continue
        payload = part.get_payload(decode=True)
        # message/rfc822 and multipart attachments have no single decoded payload: hash them as sent.
        hashlib.sha256(payload if payload is not None else part.as_bytes()).digest()
        attachments += 1
    return attachments


def main(path):
    started = time.perf_counter()
    counts = {'entries': 0, 'messages': 0, 'attachments': 0, 'parseErrors': 0, 'unreadable': 0, 'bytes': 0}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            try:
                data = archive.read(info)
            except (NotImplementedError, zipfile.BadZipFile, OSError):
                counts['unreadable'] += 1
                continue
            counts['entries'] += 1
            counts['bytes'] += len(data)
            hashlib.md5(data).digest()
            hashlib.sha256(data).digest()
            if not info.filename.lower().endswith('.eml'):
                continue
            counts['messages'] += 1
            try:
                counts['attachments'] += analyse_message(data)
            except Exception:  # noqa: BLE001 - any failure of the stdlib parser is one parse error, as in the app
                counts['parseErrors'] += 1
    json.dump({'seconds': time.perf_counter() - started, **counts}, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1])

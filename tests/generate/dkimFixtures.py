"""Signs test messages with dkimpy and writes them, altered copies, keys.zone and manifest.json.

Called by dkimFixtures.sh: python3 dkimFixtures.py <work dir for private keys> <output dir>.
Every file is cross-checked with dkimpy's own verifier against the generated keys before it is written.
"""
import base64
import json
import os
import subprocess
import sys

import dkim
import nacl.signing

work, out = sys.argv[1], sys.argv[2]
DOMAIN = b"signer.example"


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


PLAIN = crlf(
    """Return-Path: billing@signer.example
Received: from mail.signer.example (mail.signer.example [198.51.100.20])
\tby mail.northwind.example with ESMTP
\t; Mon, 13 May 2024 09:30:00 +0200
From: Billing Team <billing@signer.example>
To: alice@northwind.example
Subject: Invoice  4471   for May
Date: Mon, 13 May 2024 09:29:58 +0200
Message-ID: <plain-4471@signer.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Dear Alice,   
\t
please pay EUR 1000 to account DE04500500000001234 by Friday.\t 
Kind regards,
  Billing


"""
)

MULTIPART = crlf(
    """From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <juergen@signer.example>
To: bob@northwind.example
X-Trace: first hop
Subject: =?UTF-8?Q?Scan_f=C3=BCr_Bob?=
 (folded subject line)
X-Trace: second hop
Date: Tue, 14 May 2024 16:05:00 +0000
Message-ID: <multi-77@signer.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="==sig-boundary=="

--==sig-boundary==
Content-Type: text/plain; charset=utf-8

The scan is attached. Amount: EUR 1000.
--==sig-boundary==
Content-Type: application/pdf; name="scan.pdf"
Content-Disposition: attachment; filename="scan.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8
PC9Sb290IDEgMCBSPj4KJSVFT0YK
--==sig-boundary==--
"""
)


def openssl(*args):
    return subprocess.run(["openssl", *args], check=True, capture_output=True).stdout


def rsa_key(name, bits):
    pem = os.path.join(work, f"{name}.pem")
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", f"rsa_keygen_bits:{bits}", "-out", pem)
    spki = openssl("pkey", "-in", pem, "-pubout", "-outform", "DER")
    pkcs1 = openssl("rsa", "-in", pem, "-RSAPublicKey_out", "-outform", "DER")
    with open(pem, "rb") as f:
        return f.read(), base64.b64encode(spki).decode(), base64.b64encode(pkcs1).decode()


rsa2048_priv, rsa2048_spki, _ = rsa_key("rsa2048", 2048)
rsa1024_priv, rsa1024_spki, _ = rsa_key("rsa1024", 1024)
pkcs1_priv, _, pkcs1_der = rsa_key("pkcs1", 1024)
ed = nacl.signing.SigningKey.generate()
ed_priv = base64.b64encode(bytes(ed))
ed_pub = base64.b64encode(bytes(ed.verify_key)).decode()

KEYS = {
    "rsa2048": (rsa2048_priv, f"v=DKIM1; k=rsa; p={rsa2048_spki}"),
    "rsa1024": (rsa1024_priv, f"v=DKIM1; k=rsa; p={rsa1024_spki}"),
    "pkcs1": (pkcs1_priv, f"v=DKIM1; k=rsa; p={pkcs1_der}"),
    "ed25519": (ed_priv, f"v=DKIM1; k=ed25519; p={ed_pub}"),
}


def dnsfunc(name, timeout=5):
    label = name.decode().rstrip(".")
    for selector, (_, record) in KEYS.items():
        if label == f"{selector}._domainkey.{DOMAIN.decode()}":
            return record.encode()
    return None


def sign(message, selector, canon, algo=b"rsa-sha256", length=False, include=None):
    header_canon, body_canon = canon.split("/")
    sig = dkim.sign(
        message,
        selector.encode(),
        DOMAIN,
        KEYS[selector][0],
        canonicalize=(header_canon.encode(), body_canon.encode()),
        signature_algorithm=algo,
        include_headers=include,
        length=length,
    )
    return sig + message


def split(message):
    head, _, body = message.partition(b"\r\n\r\n")
    return head, body


def alter_body(message, old, new):
    head, body = split(message)
    assert old in body, old
    return head + b"\r\n\r\n" + body.replace(old, new, 1)


def alter_subject(message):
    head, body = split(message)
    lines = head.split(b"\r\n")
    for i, line in enumerate(lines):
        if line.lower().startswith(b"subject:"):
            lines[i] = b"Subject: Invoice 4472 for May (changed)"
            while i + 1 < len(lines) and lines[i + 1][:1] in (b" ", b"\t"):
                del lines[i + 1]
            break
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


manifest = []


def emit(name, message, selector, body_ok, sig_ok, note):
    verified = bool(dkim.verify(message, dnsfunc=dnsfunc, minkey=1024))
    assert verified == (body_ok and sig_ok), (name, verified)
    with open(os.path.join(out, name), "wb") as f:
        f.write(message)
    manifest.append(
        {"file": name, "selector": selector, "bodyHashOk": body_ok, "signatureOk": sig_ok, "dkimpyVerifies": verified, "note": note}
    )


CASES = [
    ("rsa2048-relaxed-relaxed", PLAIN, "rsa2048", "relaxed/relaxed", b"rsa-sha256", False, None, b"EUR 1000", "RSA-SHA256 2048-bit, relaxed/relaxed"),
    ("rsa1024-simple-simple", PLAIN, "rsa1024", "simple/simple", b"rsa-sha256", False, None, b"EUR 1000", "RSA-SHA256 1024-bit, simple/simple"),
    ("rsa1024-sha1-relaxed-simple", MULTIPART, "rsa1024", "relaxed/simple", b"rsa-sha1", False, None, b"EUR 1000", "RSA-SHA1, relaxed/simple, multipart"),
    ("ed25519-relaxed-relaxed", MULTIPART, "ed25519", "relaxed/relaxed", b"ed25519-sha256", False, None, b"EUR 1000", "Ed25519-SHA256 (RFC 8463)"),
    ("pkcs1-key-simple-relaxed", PLAIN, "pkcs1", "simple/relaxed", b"rsa-sha256", False, None, b"EUR 1000", "key published as a raw PKCS#1 RSAPublicKey"),
    ("length-tag-relaxed-relaxed", PLAIN, "rsa2048", "relaxed/relaxed", b"rsa-sha256", True, None, b"EUR 1000", "l= body length tag"),
    (
        "repeated-headers-relaxed-relaxed",
        MULTIPART,
        "rsa2048",
        "relaxed/relaxed",
        b"rsa-sha256",
        False,
        [b"from", b"to", b"subject", b"x-trace", b"x-trace", b"x-trace", b"date", b"message-id", b"from"],
        b"EUR 1000",
        "h= names X-Trace three times (two present, taken bottom-up) and oversigns From",
    ),
]

for name, message, selector, canon, algo, length, include, word, note in CASES:
    signed = sign(message, selector, canon, algo, length, include)
    emit(f"{name}.eml", signed, selector, True, True, note)
    emit(f"{name}.body-altered.eml", alter_body(signed, word, b"EUR 9000"), selector, False, True, f"{note}; body changed after signing")
    emit(f"{name}.header-altered.eml", alter_subject(signed), selector, True, False, f"{note}; Subject changed after signing")

signed = sign(PLAIN, "rsa2048", "relaxed/relaxed", length=True)
emit(
    "length-tag-relaxed-relaxed.appended.eml",
    signed.rstrip(b"\r\n") + b"\r\n\r\nP.S. new account: DE99 0000 0000 0000 0000 00\r\n",
    "rsa2048",
    True,
    True,
    "l= body length tag; text appended after the signed length (still verifies, by design of l=)",
)

# hMailServer prepends its signature as a lower-case "dkim-signature:" field (reference §3.4).
lower = sign(PLAIN, "rsa1024", "relaxed/relaxed")
assert lower.startswith(b"DKIM-Signature:")
emit("hmail-lowercase-name.eml", b"dkim-signature:" + lower[len(b"DKIM-Signature:"):], "rsa1024", True, True, "field name in lower case as hMailServer writes it")


def txt_strings(record):
    chunks = [record[i : i + 200] for i in range(0, len(record), 200)]
    if len(chunks) == 1:
        return f'"{record}"'
    return "( " + "\n\t\t".join(f'"{c}"' for c in chunks) + " )"


with open(os.path.join(out, "keys.zone"), "w") as f:
    f.write("; Public keys of the DKIM fixtures, generated by tests/generate/dkimFixtures.sh\n")
    f.write(f"$ORIGIN {DOMAIN.decode()}.\n$TTL 3600\n")
    f.write('@\tIN\tTXT\t"v=spf1 ip4:198.51.100.0/24 -all"\n')
    for selector, (_, record) in KEYS.items():
        f.write(f"{selector}._domainkey\tIN\tTXT\t{txt_strings(record)}\n")

with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")

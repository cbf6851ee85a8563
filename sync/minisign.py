"""Ed25519 signatures in the minisign format, so `minisign -V` checks what we sign and we check what it signs.

Public key: base64("Ed" ‖ key id (8 bytes) ‖ Ed25519 public key (32)). Signature file, four lines:
an untrusted comment; base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file))); "trusted comment: …";
base64(Ed25519(signature ‖ trusted comment)). Only the prehashed "ED" form is written; both "ED" and the
legacy "Ed" are read. The signing itself is the `cryptography` package's; nothing here is home-made crypto.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


class SignatureError(ValueError):
    """A signature that does not verify, or text that is not a minisign key or signature."""


def key_id_text(key_id: bytes) -> str:
    """The key id as minisign prints it (the 8 bytes read as a little-endian number, in hex)."""
    return f"{int.from_bytes(key_id, 'little'):016X}"


def public_key_text(public: Ed25519PublicKey, key_id: bytes) -> str:
    """The one-line public key ("RWQ…") that `minisign -P` takes."""
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(b"Ed" + key_id + raw).decode("ascii")


def parse_public_key(text: str) -> tuple[bytes, Ed25519PublicKey]:
    """(key id, key) from "RWQ…" or from a whole .pub file."""
    line = [x for x in text.strip().splitlines() if x and not x.startswith("untrusted comment:")][-1]
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise SignatureError("not a minisign public key") from error
    if len(raw) != 42 or raw[:2] != b"Ed":
        raise SignatureError("not a minisign Ed25519 public key")
    return raw[2:10], Ed25519PublicKey.from_public_bytes(raw[10:])


def sign(data: bytes, private: Ed25519PrivateKey, key_id: bytes, trusted_comment: str,
         untrusted_comment: str = "signature from CTXH Desk") -> str:
    """The .minisig text of `data` (prehashed with BLAKE2b-512, as minisign does by default)."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("a trusted comment is one line")
    signature = private.sign(hashlib.blake2b(data, digest_size=64).digest())
    global_signature = private.sign(signature + trusted_comment.encode("utf-8"))
    return (f"untrusted comment: {untrusted_comment}\n"
            f"{base64.b64encode(b'ED' + key_id + signature).decode('ascii')}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{base64.b64encode(global_signature).decode('ascii')}\n")


def verify(data: bytes, signature_text: str, public: Ed25519PublicKey, key_id: bytes) -> str:
    """Check a .minisig against `data` and a public key; returns the trusted comment or raises SignatureError."""
    lines = signature_text.splitlines()
    if len(lines) < 4 or not lines[0].startswith("untrusted comment:") or not lines[2].startswith(
            "trusted comment: "):
        raise SignatureError("not a minisign signature")
    try:
        raw = base64.b64decode(lines[1].strip(), validate=True)
        global_signature = base64.b64decode(lines[3].strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise SignatureError("not a minisign signature") from error
    if len(raw) != 74 or raw[:2] not in (b"ED", b"Ed"):
        raise SignatureError("not a minisign Ed25519 signature")
    if raw[2:10] != key_id:
        raise SignatureError(f"signed with key {key_id_text(raw[2:10])}, not {key_id_text(key_id)}")
    signature = raw[10:]
    message = hashlib.blake2b(data, digest_size=64).digest() if raw[:2] == b"ED" else data
    comment = lines[2][len("trusted comment: "):]
    try:
        public.verify(signature, message)
        public.verify(global_signature, signature + comment.encode("utf-8"))
    except InvalidSignature as error:
        raise SignatureError("the signature does not match") from error
    return comment

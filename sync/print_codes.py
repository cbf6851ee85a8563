"""The text of a printed paper's QR code: what it vouches for, packed small, signed, in QR's alphanumeric set.

    CTXP1:<base45 of the payload>

The payload (big-endian): the seal's version (1); the kind (1 a form, 2 a report) and language (0 vi, 1 en);
the signing key's 8-byte id (minisign's, as on the laptop's card); the record (16 bytes for a form's UUID,
else a length and ASCII); the record's version (uint32); the commune's partition, the form's code (each a
length and ASCII); the day printed (days since 2000-01-01, uint16); a 2-byte tag of the printed fields' keys
(the form's layout); one byte a field (the field's own tag, to say which changed); 16 bytes of SHA-256 over all
the printed fields; and the Ed25519 signature (64 bytes) over everything before it, prefixed by a domain
string so that no other signature of the laptop's key (a bundle's manifest) can pass for a seal.

Base45 (RFC 9285) keeps the text in QR's alphanumeric mode, 5.5 bits a character: about 230 characters for a
form of twenty fields, a version 8 QR (49 modules, 33 mm at 0.67 mm a module, which a phone or a 300-dpi
scan reads with room to spare).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import uuid
from dataclasses import dataclass

PREFIX = "CTXP1:"
DOMAIN = b"ctxh-print-seal-v1\x00"
VERSION = 1
KINDS = {"form": 1, "report": 2}
LANGS = {"vi": 0, "en": 1}
EPOCH = dt.date(2000, 1, 1)
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
MAX_TEXT = 1200


class SealFormatError(ValueError):
    """The text is not a seal of this program (or is damaged)."""


def b45encode(data: bytes) -> str:
    """RFC 9285 base45."""
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        e, n = divmod(n, 45 * 45)
        d, c = divmod(n, 45)
        out += [ALPHABET[c], ALPHABET[d], ALPHABET[e]]
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += [ALPHABET[c], ALPHABET[d]]
    return "".join(out)


def b45decode(text: str) -> bytes:
    """RFC 9285 base45; SealFormatError for a character or a group that is not base45."""
    try:
        values = [_INDEX[c] for c in text]
    except KeyError:
        raise SealFormatError("not base45") from None
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i:i + 3]
        if len(group) == 3:
            n = group[0] + group[1] * 45 + group[2] * 45 * 45
            if n > 0xFFFF:
                raise SealFormatError("base45 group too large")
            out += bytes((n >> 8, n & 0xFF))
        elif len(group) == 2:
            n = group[0] + group[1] * 45
            if n > 0xFF:
                raise SealFormatError("base45 group too large")
            out.append(n)
        else:
            raise SealFormatError("base45 length")
    return bytes(out)


def field_tag(record: str, key: str, text: str) -> int:
    """One byte of a field: enough to say which field changed (1 in 256 of changes goes unnamed, never unseen:
    the fields' hash covers them all)."""
    return hashlib.sha256(f"{record}\x1f{key}\x1f{text}".encode()).digest()[0]


def fields_hash(fields: tuple[tuple[str, str, str], ...]) -> bytes:
    """16 bytes of SHA-256 over the printed fields (keys and texts, unambiguously joined)."""
    digest = hashlib.sha256()
    for key, _label, text in fields:
        for part in (key, text):
            raw = part.encode("utf-8")
            digest.update(struct.pack(">I", len(raw)) + raw)
    return digest.digest()[:16]


def layout_tag(fields: tuple[tuple[str, str, str], ...]) -> bytes:
    """Two bytes over the printed fields' keys in order: equal when a paper and the record lay out alike."""
    return hashlib.sha256("\x1f".join(k for k, _l, _t in fields).encode()).digest()[:2]


@dataclass(frozen=True)
class Seal:
    """A seal's contents, as packed in the QR."""

    kind: str
    lang: str
    key_id: bytes
    record: str
    version: int
    partition: str
    form_code: str
    printed_on: dt.date
    layout: bytes
    tags: bytes
    digest: bytes
    signature: bytes = b""


def _short(text: str) -> bytes:
    raw = text.encode("ascii")
    if len(raw) > 64:
        raise SealFormatError("field too long")
    return bytes((len(raw),)) + raw


def _record_bytes(record: str) -> bytes:
    try:
        if len(record) == 36:
            return b"\xff" + uuid.UUID(record).bytes
    except ValueError:
        pass
    return _short(record)


def signed_part(seal: Seal) -> bytes:
    """The payload's bytes before the signature."""
    days = (seal.printed_on - EPOCH).days
    if not 0 <= days <= 0xFFFF or not 0 <= seal.version <= 0xFFFFFFFF or len(seal.tags) > 255:
        raise SealFormatError("out of range")
    return b"".join([
        bytes((VERSION, KINDS[seal.kind] << 4 | LANGS[seal.lang])), seal.key_id, _record_bytes(seal.record),
        struct.pack(">I", seal.version), _short(seal.partition), _short(seal.form_code), struct.pack(">H", days),
        seal.layout, bytes((len(seal.tags),)), seal.tags, seal.digest,
    ])


def pack(seal: Seal) -> str:
    """The QR's text of a signed seal."""
    return PREFIX + b45encode(signed_part(seal) + seal.signature)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, n: int) -> bytes:
        if self.at + n > len(self.data):
            raise SealFormatError("short")
        part = self.data[self.at:self.at + n]
        self.at += n
        return part

    def short(self) -> str:
        raw = self.take(self.take(1)[0])
        try:
            return raw.decode("ascii")
        except UnicodeDecodeError:
            raise SealFormatError("not ascii") from None


def unpack(text: str) -> tuple[Seal, bytes]:
    """The seal in a QR's text and the bytes its signature covers; SealFormatError when it is none."""
    text = text.strip()
    if not text.startswith(PREFIX) or len(text) > MAX_TEXT:
        raise SealFormatError("prefix")
    data = b45decode(text[len(PREFIX):])
    r = _Reader(data)
    if r.take(1)[0] != VERSION:
        raise SealFormatError("version")
    flags = r.take(1)[0]
    kind = {v: k for k, v in KINDS.items()}.get(flags >> 4)
    lang = {v: k for k, v in LANGS.items()}.get(flags & 0x0F)
    if kind is None or lang is None:
        raise SealFormatError("kind")
    key_id = r.take(8)
    if r.data[r.at:r.at + 1] == b"\xff":
        r.take(1)
        record = str(uuid.UUID(bytes=r.take(16)))
    else:
        record = r.short()
    version = struct.unpack(">I", r.take(4))[0]
    partition, form_code = r.short(), r.short()
    printed_on = EPOCH + dt.timedelta(days=struct.unpack(">H", r.take(2))[0])
    layout = r.take(2)
    tags = r.take(r.take(1)[0])
    digest = r.take(16)
    signed = data[:r.at]
    signature = r.take(64)
    if r.at != len(data):
        raise SealFormatError("trailing bytes")
    return Seal(kind, lang, key_id, record, version, partition, form_code, printed_on, layout, tags, digest,
                signature), signed

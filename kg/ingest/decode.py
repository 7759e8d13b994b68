"""Bytes to text that is safe to store: binary files refused by their first bytes, UTF-8 (or UTF-16
with a byte-order mark) decoded, control characters and lone surrogates replaced one for one so
that character offsets hold."""
from __future__ import annotations

import re

from kg.errors import InputError

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")



_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")



SNIFF_BYTES = 8192



# The first bytes of file kinds people hand to a text tool by mistake.
MAGIC = (
    (b"%PDF-", "a PDF document", "extract its text first, e.g. with pdftotext"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel, OpenDocument or EPUB file)", "save it as plain text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document", "save it as plain text first"),
    (b"{\\rtf", "an RTF document", "save it as plain text first"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "decompress it first"),
    (b"\x7fELF", "a program", ""),
)


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """What a file whose first bytes are ``head`` is, when it is not text: (kind, what to do)."""
    for magic, kind, advice in MAGIC:
        if head.startswith(magic):
            return kind, advice
    if not head.startswith(_UTF16_BOMS) and b"\x00" in head:
        return "a binary file", ""
    return None



def decode_text(data: bytes, *, path: str, line: int | None = None) -> str:
    """Decode bytes as UTF-8 (or BOM-marked UTF-16) text, refusing binary files and other encodings
    with a message naming the line of the first bad byte."""
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind:
        what, advice = kind
        raise InputError(f"is {what}, not text" + (f": {advice}" if advice else ""), path=path, line=line)
    if data.startswith(_UTF16_BOMS):
        try:
            return clean_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError("starts like UTF-16 text but does not decode as UTF-16; convert it to UTF-8 first",
                             path=path, line=line) from None
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        bad_line = data.count(b"\n", 0, exc.start) + (line or 1)
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02X} at column {exc.start - line_start + 1}; "
            "Latin-1 or Windows-1252?): convert it to UTF-8 first", path=path, line=bad_line) from None



def clean_text(text: str) -> str:
    """Control characters become spaces, unpaired surrogates and non-characters U+FFFD: one for
    one, so character offsets into the text stay true."""
    return _UNSAFE.sub(lambda m: " " if m.group() < "\x80" else "\ufffd", text)


def text_or_none(value: object) -> str | None:
    """A metadata value as clean text, or None when it is missing or blank."""
    if value is None:
        return None
    text = clean_text(str(value)).strip()
    return text or None

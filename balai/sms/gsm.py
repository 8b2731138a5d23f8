"""SMS length rules (shared/domain/aspirasi.md): GSM-7 160 characters in one SMS, 153 per part
when concatenated; UCS-2 (any character outside GSM-7, e.g. emoji) 70, 67 per part."""

from __future__ import annotations

GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXT = set("^{}\\[~]|€\f")  # count double (escape + character)


def is_gsm7(text: str) -> bool:
    return all(c in GSM7 or c in GSM7_EXT for c in text)


# Septets (GSM-7) or UTF-16 code units (UCS-2) per SMS: alone, and per part once the 6-byte
# concatenation UDH takes its room (3GPP TS 23.040 §9.2.3.24.1).
SINGLE = {True: 160, False: 70}
PART = {True: 153, False: 67}


def char_units(char: str, gsm7: bool) -> int:
    """Units one character takes: a GSM-7 extension character is an escape plus the character; a
    character outside the Basic Multilingual Plane is a UTF-16 surrogate pair."""
    if gsm7:
        return 2 if char in GSM7_EXT else 1
    return 2 if ord(char) > 0xFFFF else 1


def length_units(text: str) -> int:
    gsm7 = is_gsm7(text)
    return sum(char_units(c, gsm7) for c in text)


def parts_needed(text: str) -> int:
    units = length_units(text)
    gsm7 = is_gsm7(text)
    if units <= SINGLE[gsm7]:
        return 1
    return -(-units // PART[gsm7])


def split_parts(text: str) -> list[str]:
    """``text`` cut into SMS parts the way the phone counts: 153 septets or 67 UTF-16 units per
    part; never splits an escape or a surrogate pair (so a part may hold one unit less)."""
    gsm7 = is_gsm7(text)
    if length_units(text) <= SINGLE[gsm7]:
        return [text]
    parts, current, used = [], [], 0
    for char in text:
        size = char_units(char, gsm7)
        if used + size > PART[gsm7]:
            parts.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    parts.append("".join(current))
    return parts


def fit(text: str, max_parts: int, tail: str = "") -> str:
    """``text`` cut (with "…") so that text + tail fits in ``max_parts`` SMS parts."""
    if parts_needed(text + tail) <= max_parts:
        return text + tail
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if parts_needed(text[:mid].rstrip() + "..." + tail) <= max_parts:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "..." + tail

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


def length_units(text: str) -> int:
    if is_gsm7(text):
        return sum(2 if c in GSM7_EXT else 1 for c in text)
    return len(text.encode("utf-16-le")) // 2


def parts_needed(text: str) -> int:
    units = length_units(text)
    single, multi = (160, 153) if is_gsm7(text) else (70, 67)
    if units <= single:
        return 1
    return -(-units // multi)


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

"""Personal data helpers (UU 27/2022 Pelindungan Data Pribadi): the one phone normaliser and the
one masking helper every list, export and public page uses."""

from __future__ import annotations

import re

import phonenumbers

_DIGITS = re.compile(r"\D+")


def normalise_phone(raw: str, region: str = "ID") -> str | None:
    """+62… / 62… / 08… → E.164 (+628…); None when it is not a valid phone number."""
    raw = (raw or "").strip()
    if not raw:
        return None
    candidate = raw
    digits = _DIGITS.sub("", raw)
    if raw.startswith("62") or (digits.startswith("62") and not raw.startswith(("0", "+"))):
        candidate = "+" + digits
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_phone(e164: str) -> str:
    """+6281234567890 → 081234567890 (how Indonesians write and read numbers)."""
    if e164.startswith("+62"):
        return "0" + e164[3:]
    return e164


def mask_phone(phone: str) -> str:
    """0812****7890: the first four and last four digits, the rest hidden (shared/domain)."""
    if not phone:
        return ""
    national = national_phone(normalise_phone(phone) or phone)
    digits = _DIGITS.sub("", national)
    if len(digits) <= 8:
        return "*" * len(digits)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def mask_nik(nik: str) -> str:
    """NIK (16 digits): the first 6 (region code) and last 2 shown, the rest hidden (ppid.md)."""
    digits = _DIGITS.sub("", nik or "")
    if len(digits) <= 8:
        return "*" * len(digits)
    return digits[:6] + "*" * (len(digits) - 8) + digits[-2:]


def mask_email(email: str) -> str:
    """r****@example.go.id"""
    if not email or "@" not in email:
        return ""
    local, _, domain = email.partition("@")
    return f"{local[:1]}{'*' * max(len(local) - 1, 3)}@{domain}"


def mask_name(name: str) -> str:
    """'Siti Rahmawati' → 'S*** R*********' for public pages that must not name people."""
    return " ".join(w[:1] + "*" * (len(w) - 1) for w in (name or "").split())


# Patterns of personal data inside free text written by citizens (aspirations, requests).
_NIK_IN_TEXT = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{2})(?!\d)")
_PHONE_IN_TEXT = re.compile(r"(?<![\d+])(?:\+62|62|0)8\d{1,2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


# The parts of an Indonesian address that point at one household: house number ("No. 12",
# "Nomor 7A"), RT/RW ("RT 03/RW 05", "RT.3 RW.5") and block ("Blok C-12"). The street, kelurahan
# and kecamatan stay: they say where the problem is.
_ADDRESS_IN_TEXT = re.compile(
    r"\b(RT\s*/\s*RW|No\.?|Nomor|RT\.?|RW\.?|Blok)(\s*)"
    r"(\d+[A-Za-z]?(?:\s*/\s*\d+)?|[A-Z](?:\s*[-/]?\s*\d+)?)\b",
    re.I,
)


def mask_text(text: str, names: tuple[str, ...] = ()) -> str:
    """Hide NIK, phone numbers, e-mail addresses, house numbers/RT/RW and the given people's
    names (each word of three letters or more) found in free text."""
    text = _NIK_IN_TEXT.sub(lambda m: mask_nik(m.group(0)), text or "")
    text = _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)
    text = _EMAIL_IN_TEXT.sub(lambda m: mask_email(m.group(0)), text)
    text = _ADDRESS_IN_TEXT.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    words = {w for name in names for w in (name or "").split() if len(w) >= 3}
    if words:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)
        text = pattern.sub(lambda m: mask_name(m.group(0)), text)
    return text

"""The Pemda's identity as the admin shows it: name, logo, and a monogram when there is no logo."""

from __future__ import annotations

from balai.opd.models import PemdaSettings

# Words that open most Pemda names and say nothing about which one it is.
_GENERIC = {"pemerintah", "pemkot", "pemkab", "pemprov"}


def monogram(name: str) -> str:
    """Up to two initials of the Pemda's name ("Pemerintah Kota Contoh" -> "KC")."""
    words = [w for w in name.split() if w.lower() not in _GENERIC] or name.split()
    return "".join(w[0] for w in words[:2]).upper()


def pemda_settings() -> PemdaSettings:
    """The Pemda's settings, read-only: one query, and no row created while a page renders
    (``PemdaSettings.load`` would insert the defaults on a fresh installation)."""
    return PemdaSettings.objects.select_related("logo").first() or PemdaSettings()


def admin_identity() -> dict:
    pemda = pemda_settings()
    return {"name": pemda.name, "logo": pemda.logo, "monogram": monogram(pemda.name)}

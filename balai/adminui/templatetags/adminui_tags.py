"""Template tags of the admin's branding: the Pemda's name, logo and monogram."""

from __future__ import annotations

from django import template

from balai.opd.models import PemdaSettings

register = template.Library()

# Words that open most Pemda names and say nothing about which one it is.
_GENERIC = {"pemerintah", "pemkot", "pemkab", "pemprov"}


def monogram(name: str) -> str:
    """Up to two initials of the Pemda's name ("Pemerintah Kota Contoh" -> "KC")."""
    words = [w for w in name.split() if w.lower() not in _GENERIC] or name.split()
    return "".join(w[0] for w in words[:2]).upper()


@register.simple_tag(takes_context=True)
def admin_identity(context) -> dict:
    """Name and logo of the Pemda that runs this installation (generic setting)."""
    request = context.get("request")
    cached = getattr(request, "_balai_admin_identity", None)
    if cached is not None:
        return cached
    pemda = PemdaSettings.load(request_or_site=request) if request else PemdaSettings.load()
    identity = {"name": pemda.name, "logo": pemda.logo, "monogram": monogram(pemda.name)}
    if request is not None:
        request._balai_admin_identity = identity
    return identity

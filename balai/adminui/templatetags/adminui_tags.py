"""Template tags of the admin's branding: the Pemda's name, logo and monogram."""

from __future__ import annotations

from django import template

from balai.adminui import identity

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_identity(context) -> dict:
    """Name and logo of the Pemda that runs this installation, once per request."""
    request = context.get("request")
    cached = getattr(request, "_balai_admin_identity", None)
    if cached is not None:
        return cached
    result = identity.admin_identity()
    if request is not None:
        request._balai_admin_identity = result
    return result

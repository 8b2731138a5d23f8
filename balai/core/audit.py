"""Audit log of logins (who, when, from where), in Wagtail's own log so it sits beside publishes,
unpublishes, deletions and permission changes (shared/domain/security.md)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from wagtail.log_actions import log


def client_ip(request) -> str:
    if request is None:
        return ""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or ""


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs) -> None:
    log(instance=user, action="balai.auth.login", user=user, data={"ip": client_ip(request)})


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs) -> None:
    username = credentials.get("username", "")
    user = get_user_model().objects.filter(username=username).first()
    if user is not None:
        log(
            instance=user,
            action="balai.auth.login_failed",
            user=None,
            data={"ip": client_ip(request), "username": username},
        )

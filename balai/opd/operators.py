"""Operator accounts of an OPD: create and change role. Called by the admin and the demo."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import transaction
from wagtail.log_actions import log

from balai.opd.models import OPD

ROLE_OPERATOR = "operator"
ROLE_ADMIN = "admin"


def _group_for(opd: OPD, role: str):
    return opd.admin_group if role == ROLE_ADMIN else opd.operator_group


@transaction.atomic
def create_operator(
    opd: OPD,
    *,
    username: str,
    password: str,
    role: str = ROLE_OPERATOR,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    by=None,
) -> AbstractUser:
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    user.groups.add(_group_for(opd, role))
    log(
        instance=user, action="balai.operator.create", user=by, data={"opd": opd.slug, "role": role}
    )
    return user


def operator_role(user, opd: OPD) -> str | None:
    ids = set(user.groups.values_list("id", flat=True))
    if opd.admin_group_id in ids:
        return ROLE_ADMIN
    if opd.operator_group_id in ids:
        return ROLE_OPERATOR
    return None


@transaction.atomic
def set_operator_role(user, opd: OPD, role: str, by=None) -> None:
    """Make the user exactly an operator or an admin of this OPD."""
    current = operator_role(user, opd)
    if current == role:
        return
    user.groups.remove(opd.operator_group, opd.admin_group)
    user.groups.add(_group_for(opd, role))
    log(
        instance=user,
        action="balai.operator.role",
        user=by,
        data={"opd": opd.slug, "from": current, "to": role},
    )


def operators_of(opd_queryset):
    """Users who belong to any of these OPDs (never superusers)."""
    group_ids = [
        g for pair in opd_queryset.values_list("operator_group", "admin_group") for g in pair if g
    ]
    return (
        get_user_model()
        .objects.filter(groups__in=group_ids, is_superuser=False)
        .distinct()
        .order_by("username")
    )

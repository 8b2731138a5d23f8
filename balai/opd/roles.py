"""The one place where an OPD's permissions are granted.

Roles:
- Kominfo super-admin: a Django superuser; everything, every OPD.
- OPD admin ("Admin <OPD>" group): manages the OPD's operators, identity and branding, approves,
  publishes and deletes in the OPD's page subtree and collection.
- OPD operator ("Operator <OPD>" group): writes and uploads in that subtree and collection;
  publishes directly, or submits to the OPD's approval workflow when the OPD requires approval.

Page and collection permissions are Wagtail's own (GroupPagePermission on the OPD's root page,
GroupCollectionPermission on its collection, GroupSitePermission for its site settings), so every
Wagtail view, chooser and search applies them.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from balai.opd.models import OPD, SiteBranding

OPERATOR_PAGE_PERMS = ("add_page", "change_page", "lock_page", "unlock_page")
ADMIN_PAGE_PERMS = (
    "add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"
)  # fmt: skip
OPERATOR_COLLECTION_PERMS = (
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)  # fmt: skip
ADMIN_COLLECTION_PERMS = OPERATOR_COLLECTION_PERMS + (
    ("wagtaildocs", "delete_document"),
    ("wagtailimages", "delete_image"),
)
# Model-level permissions each role needs for Balai's own admin views, which additionally scope
# every queryset to the user's OPD (see balai.opd.scoping). Each app declares its own on its
# AppConfig as ``opd_operator_permissions`` / ``opd_admin_permissions`` ("app_label.codename");
# they are gathered here, so this stays the one place that grants them.
BASE_OPERATOR_PERMS = ["wagtailadmin.access_admin"]
BASE_ADMIN_PERMS = ["wagtailadmin.access_admin", "opd.manage_opd"]


def declared_permissions(role: str) -> list[tuple[str, str]]:
    from django.apps import apps

    names = list(BASE_OPERATOR_PERMS if role == "operator" else BASE_ADMIN_PERMS)
    for config in apps.get_app_configs():
        names += getattr(config, f"opd_{role}_permissions", [])
        if role == "admin":  # an admin can do whatever an operator can
            names += getattr(config, "opd_operator_permissions", [])
    return sorted({tuple(name.split(".", 1)) for name in names})


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_perm(codename: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def group_names(opd: OPD) -> tuple[str, str]:
    return (
        _("Operator %(opd)s") % {"opd": opd.short_name},
        _("Admin %(opd)s") % {"opd": opd.short_name},
    )


def ensure_groups(opd: OPD) -> None:
    """Create the OPD's two groups if missing (names follow the OPD's short name)."""
    operator_name, admin_name = group_names(opd)
    if opd.operator_group_id is None:
        opd.operator_group = Group.objects.create(name=_unique_group_name(operator_name, opd))
    if opd.admin_group_id is None:
        opd.admin_group = Group.objects.create(name=_unique_group_name(admin_name, opd))


def _unique_group_name(name: str, opd: OPD) -> str:
    if Group.objects.filter(name=name).exists():
        return f"{name} ({opd.slug})"
    return name


def grant_permissions(opd: OPD) -> None:
    """Grant (idempotently) exactly the permissions each role of this OPD should have."""
    root = opd.root_page
    operator, admin = opd.operator_group, opd.admin_group
    operator_page_perms = list(OPERATOR_PAGE_PERMS)
    if not opd.requires_approval:
        operator_page_perms.append("publish_page")
    _set_page_perms(operator, root, operator_page_perms)
    _set_page_perms(admin, root, ADMIN_PAGE_PERMS)
    _set_collection_perms(operator, opd, OPERATOR_COLLECTION_PERMS)
    _set_collection_perms(admin, opd, ADMIN_COLLECTION_PERMS)
    _set_model_perms(operator, declared_permissions("operator"))
    _set_model_perms(admin, declared_permissions("admin"))
    branding_perm = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(SiteBranding), codename="change_sitebranding"
    )
    GroupSitePermission.objects.get_or_create(group=admin, site=opd.site, permission=branding_perm)
    sync_workflow(opd)


def _set_page_perms(group: Group, root: Page, codenames) -> None:
    wanted = {_page_perm(c).pk for c in codenames}
    existing = GroupPagePermission.objects.filter(group=group, page=root)
    existing.exclude(permission_id__in=wanted).delete()
    have = set(existing.values_list("permission_id", flat=True))
    GroupPagePermission.objects.bulk_create(
        [GroupPagePermission(group=group, page=root, permission_id=p) for p in wanted - have]
    )


def _set_collection_perms(group: Group, opd: OPD, pairs) -> None:
    for app_label, codename in pairs:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=opd.collection, permission=_perm(app_label, codename)
        )


def _set_model_perms(group: Group, pairs) -> None:
    group.permissions.set([_perm(app_label, codename) for app_label, codename in pairs])


def regrant_all() -> int:
    """Re-apply every OPD's permissions (after an upgrade adds permissions); idempotent."""
    count = 0
    for opd in OPD.objects.provisioned().select_related("site__root_page"):
        grant_permissions(opd)
        count += 1
    return count


def workflow_name(opd: OPD) -> str:
    return _("Persetujuan %(opd)s") % {"opd": opd.short_name}


def sync_workflow(opd: OPD) -> None:
    """Attach or detach the OPD's approval workflow to match ``opd.requires_approval``.

    The workflow is Wagtail's: one GroupApprovalTask for the OPD's admin group, assigned to the
    OPD's root page (and so to its whole subtree).
    """
    root = opd.root_page
    if not opd.requires_approval:
        WorkflowPage.objects.filter(page=root).delete()
        return
    task = GroupApprovalTask.objects.filter(groups=opd.admin_group).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=_("Persetujuan admin %(opd)s") % {"opd": opd.short_name}
        )
        task.groups.set([opd.admin_group])
    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=workflow_name(opd), active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

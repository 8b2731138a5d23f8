"""Document serving rules on top of Wagtail's serve view."""

from django.http import Http404
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry


@hooks.register("before_serve_document")
def refuse_internal_documents(document, request):
    """Internal documents exist for staff only; to everyone else they do not exist (404)."""
    if document.is_public:
        return None
    policy = policy_registry.get_by_type(get_document_model())
    if policy.user_has_permission_for_instance(request.user, "change", document):
        return None
    raise Http404

"""URL routes shared by every host; Wagtail serves each site's page tree last."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from balai.core.health import healthz
from balai.core.language import choose_language
from balai.opd.admin_views import (
    KominfoPageTypesUsageView,
    ScopedPageChooserBrowseView,
    ScopedSiteHistoryView,
    ScopedWorkflowView,
    scoped_bulk_action,
)
from balai.theme.views import favicon

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    # Wagtail's page chooser, confined to the user's OPDs (same URL, matched first).
    path("admin/choose-page/<int:parent_page_id>/", ScopedPageChooserBrowseView.as_view()),
    path("admin/reports/site-history/", ScopedSiteHistoryView.as_view()),
    path(
        "admin/reports/site-history/results/",
        ScopedSiteHistoryView.as_view(results_only=True),
    ),
    path("admin/reports/workflow/", ScopedWorkflowView.as_view()),
    path("admin/reports/workflow/results/", ScopedWorkflowView.as_view(results_only=True)),
    path("admin/reports/page-types-usage/", KominfoPageTypesUsageView.as_view()),
    path(
        "admin/reports/page-types-usage/results/",
        KominfoPageTypesUsageView.as_view(results_only=True),
    ),
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", scoped_bulk_action),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("bahasa/<str:code>/", choose_language, name="choose_language"),
    # Each app's public URLs; the Wagtail page tree of the requested site comes last.
    path("", include("balai.search.urls")),
    path("", include("balai.content.urls")),
    path("", include("balai.layanan.urls")),
    path("", include("balai.ppid.urls")),
    path("", include("balai.aspirasi.urls")),
    path("", include("balai.sms.urls")),
    path("", include("balai.pemantauan.urls")),
]

if settings.BALAI_SERVE_MEDIA:
    # Local demo without a proxy; production serves image renditions from nginx or object
    # storage. Only renditions are public: documents go through /documents/ (permission checks,
    # download counts, attachment disposition), never straight from disk.
    urlpatterns += [
        re_path(
            r"^" + settings.MEDIA_URL.lstrip("/") + r"(?P<path>images/.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "balai.theme.views.page_not_found"
handler500 = "balai.theme.views.server_error"

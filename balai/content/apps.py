from django.apps import AppConfig


class ContentConfig(AppConfig):
    """Pages of the portal and of every OPD site."""

    name = "balai.content"
    label = "content"
    verbose_name = "Konten"

    def ready(self):
        # The portal's aggregated lists are cached; anything published, unpublished, moved or
        # deleted anywhere makes them stale, so every such event drops the whole cache version.
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from balai.content.selectors import bump_cache_version
        from balai.opd.models import OPD, SiteBranding

        def bump(**kwargs):
            bump_cache_version()

        page_published.connect(bump, dispatch_uid="balai_content_published")
        page_unpublished.connect(bump, dispatch_uid="balai_content_unpublished")
        for model in (OPD, SiteBranding):
            post_save.connect(bump, sender=model, dispatch_uid=f"balai_content_{model.__name__}")
            post_delete.connect(bump, sender=model, dispatch_uid=f"balai_content_d{model.__name__}")
        from wagtail.models import Page

        post_delete.connect(bump, sender=Page, dispatch_uid="balai_content_page_deleted")

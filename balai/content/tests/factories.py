"""Small builders of published content pages for tests."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page

from balai.content.models import AgendaPage, BeritaPage, PengumumanPage


def section(opd_or_home, slug: str) -> Page:
    home = opd_or_home if isinstance(opd_or_home, Page) else opd_or_home.site.root_page
    return home.get_children().get(slug=slug).specific


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_image(title: str = "Foto uji", colour=(30, 120, 200)):
    from balai.images.models import BalaiImage

    buf = io.BytesIO()
    PILImage.new("RGB", (640, 360), colour).save(buf, "JPEG")
    return BalaiImage.objects.create(
        title=title, file=ImageFile(io.BytesIO(buf.getvalue()), name="uji.jpg")
    )


def news(owner, title: str, days_ago: int = 0, **fields) -> BeritaPage:
    fields.setdefault("summary", f"Ringkasan {title}.")
    page = BeritaPage(title=title, date=timezone.localdate() - timedelta(days=days_ago), **fields)
    return publish(section(owner, "berita"), page)


def announcement(owner, title: str, valid_until=None, **fields) -> PengumumanPage:
    page = PengumumanPage(title=title, valid_until=valid_until, **fields)
    return publish(section(owner, "pengumuman"), page)


def agenda(owner, title: str, starts_in_days: int = 1, hours: int = 2, **fields) -> AgendaPage:
    start = timezone.now().replace(microsecond=0) + timedelta(days=starts_in_days)
    fields.setdefault("location", "Aula Kantor Wali Kota")
    page = AgendaPage(title=title, start=start, end=start + timedelta(hours=hours), **fields)
    return publish(section(owner, "agenda"), page)

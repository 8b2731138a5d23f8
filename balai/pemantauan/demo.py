"""Demo monitoring data: some fresh and some stale OPD content, one planted spam page hidden deep
in an OPD's tree, scorecards for this month and five past months (idempotent: runs last in
``load_demo``)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from balai.opd.models import OPD

from .services import backfill_history, compute_scorecards
from .spam import scan

SPAM_SLUG = "demo-info-slot-gacor"
SPAM_TITLE = "Info slot gacor maxwin hari ini"


def _plant_spam(opd) -> None:
    """Hide the planted spam where real injections hide (a page deep in the tree nobody opens,
    last touched over a year ago, out of menus and news grids): under Profil, an old "arsip"
    page, and beneath it the gambling page with its outside link. The spam scan finds it; no
    visitor of the portal or the OPD's home sees it."""
    from wagtail.rich_text import RichText

    from balai.content.models import HalamanPage, ProfilPage

    profil = ProfilPage.objects.child_of(opd.root_page).first()
    if profil is None or Page.objects.filter(slug=SPAM_SLUG).exists():
        return
    when = timezone.now() - dt.timedelta(days=420)
    arsip = HalamanPage(
        title=f"Arsip kegiatan {timezone.localdate(when).year}",
        slug="demo-arsip-kegiatan",
        show_in_menus=False,
        body=[("paragraph", RichText("<p>Dokumentasi kegiatan tahun lalu.</p>"))],
    )
    profil.add_child(instance=arsip)
    spam = HalamanPage(
        title=SPAM_TITLE,
        slug=SPAM_SLUG,
        show_in_menus=False,
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Daftar slot gacor maxwin terpercaya, deposit pulsa tanpa potongan: "
                    '<a href="https://slot-gacor-maxwin.example.net/daftar">daftar di sini</a>.</p>'
                ),
            )
        ],
    )
    arsip.add_child(instance=spam)
    for page in (arsip, spam):
        page.save_revision(log_action=True).publish()
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )


def _news(opd, slug: str, title: str, days_ago: int, summary: str = "") -> None:
    from balai.content.models import BeritaPage

    index = opd.root_page.get_children().filter(slug="berita").first()
    if index is None or Page.objects.filter(slug=slug).exists():
        return
    when = timezone.now() - dt.timedelta(days=days_ago)
    page = BeritaPage(title=title, slug=slug, summary=summary, date=timezone.localdate(when))
    index.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)


def load(out) -> list[tuple[str, str, str]]:
    from balai.content.models import BeritaPage

    opds = list(OPD.objects.provisioned().select_related("site__root_page").order_by("name"))
    # The content demo already makes some OPDs fresh and some stale or empty; only without it
    # does this step publish its own fresh/stale mix.
    own_news = not BeritaPage.objects.exclude(slug__startswith="demo-").exists()
    for i, opd in enumerate(opds if own_news else []):
        if i % 3 == 0:  # a third of the city keeps its site fresh, every month of the year
            for month in range(12):
                title = f"Kegiatan {opd.short_name} bulan ke-{12 - month}"
                _news(opd, f"demo-{opd.slug}-{month}", title, month * 30 + 2)
        elif i % 3 == 1:  # a third published once, long ago
            _news(opd, f"demo-{opd.slug}-lama", f"Kegiatan {opd.short_name}", 75)
        # the rest never published: red
    if len(opds) > 2:  # planted in a mid-list OPD, not one the content demo keeps stale
        _plant_spam(opds[len(opds) // 2])
    alerts = scan()
    history = backfill_history(months=5)
    cards = compute_scorecards()
    out.write(
        f"  pemantauan: {len(cards)} rapor, {history} rapor riwayat, {len(alerts)} temuan spam"
    )
    return []

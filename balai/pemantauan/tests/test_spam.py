from django.urls import reverse
from wagtail.models import Page

from balai.pemantauan.models import SpamAlert
from balai.pemantauan.services import compute_scorecards
from balai.pemantauan.spam import find_terms, outside_links, scan

from .helpers import add_documents, publish_news


def test_terms_match_spam_but_not_ordinary_words():
    assert find_terms("Daftar SLOT GACOR hari ini maxwin") == ["maxwin", "slot gacor"]
    assert find_terms("Prediksi togel") == ["togel"]
    assert find_terms("Slot waktu vaksinasi dibuka, cek jadwal antrean") == []
    assert find_terms("Slot   gacor") == ["slot   gacor"]
    assert find_terms("pertogelan") == []


def test_outside_links():
    allowed = ["go.id", "youtube.com"]
    text = (
        '<a href="https://dinkes.kota.go.id/x">a</a> <a href="https://www.youtube.com/v">b</a>'
        ' <a href="https://gacor88.xyz/">c</a>'
    )
    assert outside_links(text, allowed) == ["https://gacor88.xyz/"]


def test_scan_flags_planted_spam_and_spares_ordinary_news(opd_a, operator_a, kominfo, client_as):
    bad = publish_news(
        opd_a,
        "Info slot gacor terbaru",
        user=operator_a,
        body='Main di <a href="https://situs-judi.example/">sini</a>',
    )
    publish_news(opd_a, "Slot waktu pendaftaran dan jadwal pelayanan", body="Jadwal layanan KTP")
    add_documents(opd_a, ["sop"])[0].__class__.objects.create(
        title="Bocoran togel hari ini", collection_id=opd_a.collection_id, file="x.pdf"
    )
    alerts = scan()
    kinds = sorted((a.kind, a.matched) for a in alerts)
    assert ("page", "slot gacor") in kinds
    assert ("document", "togel") in kinds
    assert all("jadwal" not in a.matched and "slot waktu" not in a.matched for a in alerts)
    assert not [a for a in alerts if a.page and "Slot waktu" in a.page.title]
    page_alert = SpamAlert.objects.get(page=bad, matched="slot gacor")
    assert page_alert.published_by == "operator-alfa" and page_alert.opd == opd_a
    assert scan() == []  # reported once

    compute_scorecards()
    assert opd_a.scorecards.get().indicators["suspicious"]["score"] == 0

    client = client_as(kominfo)
    listing = client.get(reverse("pemantauan_spam")).content.decode()
    assert "slot gacor" in listing and "operator-alfa" in listing
    response = client.post(reverse("pemantauan_spam_action", args=[page_alert.pk, "unpublish"]))
    assert response.status_code == 302
    assert not Page.objects.get(pk=bad.pk).live
    page_alert.refresh_from_db()
    assert page_alert.status == "unpublished" and page_alert.resolved_by == kominfo
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=bad, action="wagtail.unpublish", user=kominfo).exists()


def test_only_kominfo_can_unpublish(opd_a, admin_a, client_as):
    publish_news(opd_a, "slot gacor")
    alert = scan()[0]
    response = client_as(admin_a).post(
        reverse("pemantauan_spam_action", args=[alert.pk, "unpublish"])
    )
    assert response.status_code in (302, 403)
    assert alert.page.live

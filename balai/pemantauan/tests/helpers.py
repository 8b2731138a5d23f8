"""Builders of constructed OPD content for the monitoring tests."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page

from balai.content.models import BeritaPage


def publish_news(opd, title="Kabar", days_ago=0, body="", user=None) -> BeritaPage:
    index = opd.root_page.get_children().get(slug="berita")
    when = timezone.now() - dt.timedelta(days=days_ago)
    page = BeritaPage(
        title=title, slug=f"b-{Page.objects.count()}", summary=body, date=timezone.localdate(when)
    )
    index.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return page


def fill_profile(opd) -> None:
    from balai.content.models import (
        ProfilPimpinanPage,
        StrukturOrganisasiPage,
        TugasFungsiPage,
        VisiMisiPage,
    )

    profil = opd.root_page.get_children().get(slug="profil")
    values = {
        VisiMisiPage: {"visi": "Terwujudnya layanan prima"},
        StrukturOrganisasiPage: {"body": "<p>Kepala, sekretaris, bidang.</p>"},
        TugasFungsiPage: {"body": "<p>Melaksanakan urusan.</p>"},
        ProfilPimpinanPage: {"leader_name": "Ibu Kepala"},
    }
    for model, fields in values.items():
        page = model.objects.child_of(profil).get()
        for k, v in fields.items():
            setattr(page, k, v)
        page.save_revision().publish()


def add_documents(opd, categories) -> list:
    from wagtail.documents import get_document_model

    Document = get_document_model()
    docs = []
    for cat in categories:
        doc = Document(title=f"Dokumen {cat}", category=cat, collection_id=opd.collection_id)
        doc.file.save(f"{cat}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        doc.save()
        docs.append(doc)
    return docs


def make_complete(opd) -> None:
    fill_profile(opd)
    add_documents(opd, ["sop", "maklumat", "renstra", "lakip"])
    opd.address, opd.phone, opd.email = "Jl. Merdeka 1", "0751-123", "dinas@kota.go.id"
    opd.save()

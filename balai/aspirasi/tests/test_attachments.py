"""Aspirasi attachments: a citizen's photo is stored without EXIF/XMP (GPS position); the officers
handling the ticket (Kominfo, the lead and related OPDs) download it in the admin; nobody else, and
never through a public URL (issue 12, point 4)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.aspirasi import services
from balai.aspirasi.models import Ticket
from balai.core.tests.photos import assert_no_metadata, gps_jpeg

pytestmark = pytest.mark.django_db


def _submit_with_photo(client, host):
    page = client.get("/aspirasi/kirim/", HTTP_HOST=host)
    token = page.context["form"]["form_token"].value()
    photo = SimpleUploadedFile("lubang jalan.jpg", gps_jpeg(), content_type="image/jpeg")
    data = {"form_token": token, "text": "Jalan berlubang", "attachment": photo}
    return client.post("/aspirasi/kirim/", data, HTTP_HOST=host)


def test_photo_attachment_stripped_and_only_handling_officers_download_it(
    make_opd, opd_a, opd_b, kominfo, operator_a, operator_b, make_user, client, client_as
):
    r = _submit_with_photo(client, opd_a.hostname)
    assert r.status_code == 302
    ticket = Ticket.objects.get()
    with ticket.attachment.open("rb") as stored:
        stored_bytes = stored.read()
    assert_no_metadata(stored_bytes, size=(20, 40))
    url = f"/admin/aspirasi/lampiran/{ticket.pk}/"

    # The lead OPD's officer sees the link on the ticket and downloads the stripped photo.
    alfa = client_as(operator_a)
    assert url in alfa.get(f"/admin/aspirasi/edit/{ticket.pk}/").content.decode()
    response = alfa.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == stored_bytes
    assert client_as(kominfo).get(url).status_code == 200

    # Another OPD: 404, until Kominfo makes it a related OPD of the ticket.
    beta = client_as(operator_b)
    assert beta.get(url).status_code == 404
    services.dispose(ticket, opd_a, kominfo, related=[opd_b])
    assert beta.get(url).status_code == 200

    opd_c = make_opd("gamma", name="Dinas Gamma", short_name="Gamma")
    assert client_as(make_user("operator-gamma", opd_c)).get(url).status_code == 404


def test_attachment_is_never_public(opd_a, client):
    _submit_with_photo(client, opd_a.hostname)
    ticket = Ticket.objects.get()
    client.logout()
    response = client.get(f"/admin/aspirasi/lampiran/{ticket.pk}/")
    assert response.status_code in (302, 403, 404) and "/login/" in response.get(
        "Location", "/login/"
    )
    for host in ("localhost", opd_a.hostname):
        assert client.get("/media/" + ticket.attachment.name, HTTP_HOST=host).status_code == 404
        tracking = client.get(ticket.tracking_path(), HTTP_HOST=host).content.decode()
        assert ticket.attachment.name not in tracking

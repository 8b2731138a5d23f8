"""Statutory deadlines of requests and objections, in working days (UU 14/2008 Pasal 22, 36, 37)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from balai.ppid import services
from balai.ppid.tests.conftest import at

pytestmark = pytest.mark.django_db


def test_request_gets_a_registration_number_and_ten_working_days(make_request):
    item = make_request(received_at=at(2026, 6, 8))  # Mon; Tue 16 June is Tahun Baru Islam
    assert item.nomor.startswith("PPID-ALFA/")
    assert item.tenggat == dt.date(2026, 6, 23)
    second = make_request(received_at=at(2026, 6, 8))
    assert second.nomor != item.nomor


def test_request_filed_during_idul_fitri_cuti_bersama(make_request):
    # Filed on Sat 21 March 2026 (Idul Fitri): counts as received Wed 25 March, the first working
    # day after the cuti bersama block; Fri 3 April (Wafat Yesus Kristus) is skipped.
    item = make_request(received_at=at(2026, 3, 21, 9))
    assert item.tenggat == dt.date(2026, 4, 9)


def test_request_after_office_hours_counts_from_next_working_day(make_request):
    item = make_request(received_at=at(2026, 6, 5, 17, 30))  # Friday evening
    assert item.tenggat == dt.date(2026, 6, 23)


def test_request_across_the_year_boundary(make_request):
    assert make_request(received_at=at(2026, 12, 23)).tenggat == dt.date(2027, 1, 12)


def test_one_extension_of_at_most_seven_working_days_with_reason(make_request):
    item = make_request(received_at=at(2026, 6, 8))
    with pytest.raises(ValidationError):
        services.extend(item, "", hari_kerja=7)
    with pytest.raises(ValidationError):
        services.extend(item, "Dokumen di arsip lain", hari_kerja=8)
    services.extend(item, "Dokumen tersimpan di gudang arsip", hari_kerja=7)
    assert item.tenggat == dt.date(2026, 7, 2)  # 23 June + 7 working days
    with pytest.raises(ValidationError, match="satu kali"):
        services.extend(item, "Lagi", hari_kerja=1)


def test_objection_window_and_answer_deadlines(make_request, atasan):
    item = make_request(received_at=at(2026, 6, 8))
    assert not services.can_object(item, today=dt.date(2026, 6, 10))  # PPID still has time
    services.reject(
        item,
        alasan="Informasi memuat data pribadi pasien.",
        pasal_17="h",
        uji_konsekuensi="Membuka rahasia medis",
        masa_pengecualian="Selama pasien tidak memberi persetujuan",
        by=None,
    )
    answered = item.dijawab_pada.date()
    assert services.objection_deadline(item) > answered
    keberatan = services.file_objection(item, alasan="a", uraian="Data agregat tidak pribadi")
    assert keberatan.nomor.startswith("KEB-ALFA/")
    assert keberatan.tenggat > answered + dt.timedelta(days=30)  # 30 working days, Pasal 36(2)
    services.answer_objection(
        keberatan, hasil="sebagian", tanggapan="Data agregat diberikan.", by=atasan
    )
    assert keberatan.batas_sengketa is not None
    with pytest.raises(ValidationError):
        services.file_objection(item, alasan="a")  # one objection per request here


def test_unanswered_past_deadline_gives_grounds_to_object(make_request):
    item = make_request(received_at=at(2026, 6, 8))
    assert services.can_object(item, today=dt.date(2026, 6, 24))
    # 23 June + 30 working days (no holiday in July 2026)
    assert services.objection_deadline(item) == dt.date(2026, 8, 4)

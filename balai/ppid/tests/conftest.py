"""PPID fixtures: officers in each PPID role, and a helper to file a request through services."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

WIB = ZoneInfo("Asia/Jakarta")


def at(y, m, d, hh=10, mm=0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=WIB)


@pytest.fixture
def ppid_a(make_user, opd_a):
    from balai.ppid.models import PetugasPPID

    user = make_user("ppid-alfa", opd_a)
    PetugasPPID.objects.create(user=user, opd=opd_a, peran=PetugasPPID.Peran.PELAKSANA)
    return user


@pytest.fixture
def ppid_b(make_user, opd_b):
    from balai.ppid.models import PetugasPPID

    user = make_user("ppid-beta", opd_b)
    PetugasPPID.objects.create(user=user, opd=opd_b, peran=PetugasPPID.Peran.PELAKSANA)
    return user


@pytest.fixture
def ppid_utama(make_user, make_opd):
    from balai.ppid.models import PetugasPPID

    kominfo_opd = make_opd("kominfo", name="Dinas Kominfo", short_name="Kominfo")
    user = make_user("ppid-utama", kominfo_opd)
    PetugasPPID.objects.create(user=user, peran=PetugasPPID.Peran.UTAMA)
    return user


@pytest.fixture
def atasan(make_user, make_opd):
    from balai.ppid.models import PetugasPPID

    setda = make_opd("setda", name="Sekretariat Daerah", short_name="Setda")
    user = make_user("atasan-ppid", setda)
    PetugasPPID.objects.create(user=user, peran=PetugasPPID.Peran.ATASAN)
    return user


def pemohon(**extra):
    from balai.ppid.services import DataPemohon

    data = {
        "nama": "Siti Aminah",
        "nik": "1371015704880002",
        "alamat": "Jl. Ahmad Yani No. 5, Kota Contoh",
        "telepon": "+6281234567890",
        "email": "siti@example.com",
        "pekerjaan": "Wartawan",
        "rincian": "Data jumlah kasus DBD per kecamatan tahun 2025",
        "tujuan": "Bahan liputan kesehatan masyarakat",
        "cara_memperoleh": "softcopy",
        "cara_mendapatkan": "email",
    }
    data.update(extra)
    return DataPemohon(**data)


@pytest.fixture
def make_request(opd_a):
    from balai.ppid.services import submit_request

    def make(opd=opd_a, received_at=None, **extra):
        return submit_request(pemohon(**extra), opd=opd, received_at=received_at)

    return make

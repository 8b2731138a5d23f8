"""The demo never dates what already happened after now (issue 13), even loaded before 10.30."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from freezegun import freeze_time

pytestmark = pytest.mark.django_db


@freeze_time("2026-12-04 18:30:00")  # 01.30 WIB: a request "answered today at 10.30" lies ahead
def test_demo_requests_and_survey_answers_lie_in_the_past(make_opd):
    from balai.layanan import demo as layanan_demo
    from balai.layanan.models import SurveyResponse
    from balai.ppid import demo as ppid_demo
    from balai.ppid.models import Permohonan

    make_opd("dinkes", name="Dinas Kesehatan", short_name="Dinkes")  # has a service catalogue
    ppid_demo.load(io.StringIO())
    layanan_demo.load(io.StringIO())
    now = timezone.now()
    assert Permohonan.objects.exclude(dijawab_pada=None).exists()
    assert not Permohonan.objects.filter(dijawab_pada__gt=now).exists()
    assert not Permohonan.objects.filter(received_at__gt=now).exists()
    assert SurveyResponse.objects.exists()
    assert not SurveyResponse.objects.filter(submitted_at__gt=now).exists()

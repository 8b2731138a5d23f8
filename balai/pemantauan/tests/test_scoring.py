import pytest

from balai.pemantauan.models import IndicatorWeight
from balai.pemantauan.services import weighted_total, zone_for


@pytest.mark.parametrize(
    ("score", "zone"),
    [
        (100, "hijau"),
        (81, "hijau"),
        (80.995, "hijau"),
        (80.99, "kuning"),
        (51, "kuning"),
        (50.99, "merah"),
        (0, "merah"),
        (None, ""),
    ],
)
def test_ombudsman_zone_boundaries(score, zone):
    assert zone_for(score) == zone


def test_weighted_total_skips_not_applicable_and_zero_weights():
    assert weighted_total({"a": 100, "b": 50}, {"a": 1, "b": 1}) == 75
    assert weighted_total({"a": 100, "b": None}, {"a": 1, "b": 5}) == 100  # n/a is not zero
    assert weighted_total({"a": 100, "b": 0}, {"a": 3, "b": 1}) == 75
    assert weighted_total({"a": 100, "b": 0}, {"a": 1, "b": 0}) == 100
    assert weighted_total({"a": None}, {"a": 1}) is None


def test_weights_table_is_seeded_for_every_indicator(db):
    from balai.pemantauan.indicators import REGISTRY

    assert set(IndicatorWeight.objects.values_list("key", flat=True)) == set(REGISTRY)


def test_dead_or_empty_site_is_capped_in_the_red_zone():
    from balai.pemantauan.services import cap_for_dead_or_empty_site

    def ind(days, profile, weight=1):
        return {
            "days_since_publication": {"value": days, "weight": weight},
            "profile_pages": {"score": profile, "weight": weight},
        }

    alive, dead, empty, never = ind(12, 75.0), ind(200, 100.0), ind(3, 0), ind(None, 100.0)
    assert cap_for_dead_or_empty_site(90.0, ind(200, 0, weight=0)) == 90.0
    assert cap_for_dead_or_empty_site(90.0, alive) == 90.0
    assert zone_for(cap_for_dead_or_empty_site(90.0, dead)) == "merah"
    assert zone_for(cap_for_dead_or_empty_site(90.0, empty)) == "merah"
    assert zone_for(cap_for_dead_or_empty_site(90.0, never)) == "merah"
    assert cap_for_dead_or_empty_site(40.0, dead) == 40.0

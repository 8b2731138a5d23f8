"""The IKM formula of PermenPAN-RB 14/2017 pinned on worked examples computed by hand."""

from decimal import Decimal
from fractions import Fraction

import pytest

from balai.layanan.ikm import category_for, compute_ikm, from_totals, sample_size


def sheets(n: int, total: int) -> list[list[int]]:
    """n answer sheets whose 9n answers (1–4) add up to ``total``."""
    answers = [1] * (9 * n)
    extra = total - 9 * n
    i = 0
    while extra:
        step = min(3, extra)
        answers[i] += step
        extra -= step
        i += 1
    return [answers[k * 9 : (k + 1) * 9] for k in range(n)]


def test_worked_example_four_respondents():
    # NRR: U1 3.50, U2 3.25, U3 3.00, U4 3.50, U5 3.00, U6 3.25, U7 3.50, U8 3.00, U9 2.75
    # Σ NRR = 28.75; IKM = 28.75 / 9 = 3.19444; × 25 = 79.86 → B (Baik).
    result = compute_ikm(
        [
            [4, 4, 4, 3, 3, 3, 3, 3, 3],
            [3, 3, 3, 3, 3, 3, 3, 3, 3],
            [4, 3, 3, 4, 3, 3, 4, 3, 2],
            [3, 3, 2, 4, 3, 4, 4, 3, 3],
        ]
    )
    assert result.respondents == 4
    assert result.nrr["u1"] == 3.5 and result.nrr["u9"] == 2.75
    assert result.ikm == pytest.approx(3.194444, abs=1e-6)
    assert result.converted == Decimal("79.86")
    assert (result.category, result.label, result.persepsi) == ("B", "Baik", 3)
    assert result.weakest == ["u9"]


def test_all_best_and_all_worst():
    best = compute_ikm([[4] * 9] * 3)
    worst = compute_ikm([[1] * 9] * 3)
    assert (best.converted, best.category, best.label) == (Decimal("100.00"), "A", "Sangat baik")
    assert (worst.converted, worst.category, worst.label) == (Decimal("25.00"), "D", "Tidak baik")


@pytest.mark.parametrize(
    ("n", "total", "converted", "category"),
    [
        (38, 889, "64.99", "D"),  # 25 × 889 / 342 = 64.985 → 64.99: last value of D
        (5, 117, "65.00", "C"),  # 25 × 117 / 45 = 65.00: first value of C
        (26, 717, "76.60", "C"),  # 76.603 → 76.60: last value of C
        (19, 524, "76.61", "B"),  # 76.608 → 76.61: first value of B
        (19, 604, "88.30", "B"),  # 88.304 → 88.30: last value of B
        (24, 763, "88.31", "A"),  # 88.310 → 88.31: first value of A
    ],
)
def test_category_boundaries_from_real_answer_sheets(n, total, converted, category):
    result = compute_ikm(sheets(n, total))
    assert result.converted == Decimal(converted)
    assert result.category == category


@pytest.mark.parametrize(
    ("ikm", "category"),
    [
        ("2.5996", "D"),
        ("2.60", "C"),
        ("3.064", "C"),
        ("3.0644", "B"),
        ("3.532", "B"),
        ("3.5324", "A"),
    ],
)
def test_regulation_table_ikm_bounds_agree(ikm, category):
    """The table's raw IKM bounds and its converted bounds give the same mutu."""
    # 10,000 respondents whose answers sum to the bound × 10,000 in every unsur.
    total = int(Decimal(ikm) * 10_000)
    assert from_totals({f"u{i}": total for i in range(1, 10)}, 10_000).category == category


def test_category_for_rounds_like_the_published_number():
    assert category_for(Decimal("76.604"))[1] == "C"
    assert category_for(Decimal("76.605"))[1] == "B"
    assert category_for(Fraction(76605, 1000))[1] == "B"


@pytest.mark.parametrize(
    ("total", "converted", "category"),
    [
        # 5,000 respondents, 45,000 answers: 25 × 116,991 / 45,000 = 64.995 exactly → 65.00 (C).
        (116_991, "65.00", "C"),
        # 25 × 158,949 / 45,000 = 88.305 exactly → 88.31 (A).
        (158_949, "88.31", "A"),
    ],
)
def test_exact_half_is_rounded_up_not_lost_in_floating_point(total, converted, category):
    result = compute_ikm(sheets(5_000, total))
    assert result.converted == Decimal(converted)
    assert result.category == category
    assert result.ikm * 25 == Fraction(total * 25, 45_000)


def test_bad_input_and_empty():
    assert compute_ikm([]) is None
    with pytest.raises(ValueError):
        compute_ikm([[5] * 9])
    with pytest.raises(ValueError):
        compute_ikm([[3] * 8])


def test_sample_size_krejcie_morgan():
    assert sample_size(1000) == 278
    assert sample_size(8) == 8
    assert sample_size(10**7) == 384

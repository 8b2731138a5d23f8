"""Indeks Kepuasan Masyarakat (IKM) — PermenPAN-RB No. 14 Tahun 2017 (Pedoman Penyusunan Survei
Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik), Lampiran (pengolahan data).

- Nine unsur (U1–U9), each answered on a 1–4 scale.
- NRR per unsur = mean of the answers for that unsur.
- Each unsur weighs equally: 1/9 (the regulation prints the rounded 0.111; we use exact 1/9).
- IKM = Σ NRR_i × 1/9  (1.00–4.00); IKM unit pelayanan (converted) = IKM × 25 (25.00–100.00).
- Mutu/kinerja table (nilai persepsi → interval IKM → interval konversi → mutu → kinerja):
    1 → 1.00–2.5996   → 25.00–64.99  → D → Tidak baik
    2 → 2.60–3.064    → 65.00–76.60  → C → Kurang baik
    3 → 3.0644–3.532  → 76.61–88.30  → B → Baik
    4 → 3.5324–4.00   → 88.31–100.00 → A → Sangat baik
  The category is decided on the converted value rounded to two decimals (as published), so the
  shown number and the shown letter always agree with the table.

The arithmetic is exact: the answers are summed as integers per unsur and divided as fractions,
and only the published two-decimal value is rounded (half up). Floating point would turn an exact
64.995 into 64.99 (D instead of C) or 88.305 into 88.30 (B instead of A).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

UNSUR_COUNT = 9
WEIGHT = Fraction(1, UNSUR_COUNT)  # PermenPAN-RB 14/2017: bobot nilai rata-rata tertimbang = 1/9
CONVERSION = 25  # IKM × 25 = IKM unit pelayanan (25–100)
TWO_PLACES = Decimal("0.01")

# (code, short name) — PermenPAN-RB 14/2017 Lampiran, Bab II huruf B (unsur survei).
UNSUR = [
    ("u1", "Persyaratan"),
    ("u2", "Sistem, mekanisme, dan prosedur"),
    ("u3", "Waktu penyelesaian"),
    ("u4", "Biaya/tarif"),
    ("u5", "Produk spesifikasi jenis pelayanan"),
    ("u6", "Kompetensi pelaksana"),
    ("u7", "Perilaku pelaksana"),
    ("u8", "Penanganan pengaduan, saran dan masukan"),
    ("u9", "Sarana dan prasarana"),
]
UNSUR_FIELDS = [code for code, _ in UNSUR]

# Lower bound of each converted interval (PermenPAN-RB 14/2017 tabel nilai persepsi).
CATEGORIES = [
    # (min converted, nilai persepsi, mutu, kinerja)
    (Decimal("88.31"), 4, "A", "Sangat baik"),
    (Decimal("76.61"), 3, "B", "Baik"),
    (Decimal("65.00"), 2, "C", "Kurang baik"),
    (Decimal("25.00"), 1, "D", "Tidak baik"),
]


@dataclass(frozen=True)
class IKMResult:
    respondents: int
    nrr: dict[str, Fraction]  # per unsur code, exact
    ikm: Fraction  # 1..4, exact
    converted: Decimal  # 25..100, two decimals
    category: str  # A/B/C/D
    label: str  # Sangat baik / Baik / Kurang baik / Tidak baik
    persepsi: int  # 1..4

    @property
    def weakest(self) -> list[str]:
        """The unsur with the lowest NRR (the follow-up plan starts there)."""
        low = min(self.nrr.values())
        return [code for code, value in self.nrr.items() if value == low]


def round_half_up(value: Fraction, places: Decimal = TWO_PLACES) -> Decimal:
    """An exact fraction rounded half up to ``places`` (no float on the way)."""
    scaled = value / Fraction(places)
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole) * places


def convert(ikm: Fraction | int) -> Decimal:
    """IKM (1–4) → IKM unit pelayanan (25–100), two decimals, half up."""
    return round_half_up(Fraction(ikm) * CONVERSION)


def category_for(converted: Decimal | Fraction) -> tuple[int, str, str]:
    """(nilai persepsi, mutu, kinerja) for a converted IKM value."""
    if isinstance(converted, Fraction):
        value = round_half_up(converted)
    else:
        value = Decimal(converted).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    for minimum, persepsi, mutu, kinerja in CATEGORIES:
        if value >= minimum:
            return persepsi, mutu, kinerja
    return 1, "D", "Tidak baik"


def from_totals(totals: dict[str, int], respondents: int) -> IKMResult:
    """IKM from the integer sum of the answers per unsur and the number of respondents.

    NRR_i = total_i / n; IKM = Σ NRR_i × 1/9; converted = IKM × 25 — all exact fractions.
    """
    nrr = {code: Fraction(int(totals[code]), respondents) for code in UNSUR_FIELDS}
    ikm = sum(nrr.values(), Fraction(0)) * WEIGHT
    converted = convert(ikm)
    persepsi, mutu, kinerja = category_for(converted)
    return IKMResult(respondents, nrr, ikm, converted, mutu, kinerja, persepsi)


def compute_ikm(responses: Iterable[Sequence[int]]) -> IKMResult | None:
    """IKM of a set of responses, each a sequence of the nine answers (1–4). None when empty."""
    totals = [0] * UNSUR_COUNT
    count = 0
    for answers in responses:
        if len(answers) != UNSUR_COUNT or any(a not in (1, 2, 3, 4) for a in answers):
            raise ValueError("each response needs nine answers on the 1–4 scale")
        for i, answer in enumerate(answers):
            totals[i] += answer
        count += 1
    if not count:
        return None
    return from_totals(dict(zip(UNSUR_FIELDS, totals, strict=True)), count)


# Krejcie–Morgan sample sizes (population → sample), which PermenPAN-RB 14/2017 points to.
KREJCIE_MORGAN = [
    (10, 10), (20, 19), (30, 28), (50, 44), (75, 63), (100, 80), (150, 108), (200, 132),
    (300, 169), (400, 196), (500, 217), (750, 254), (1000, 278), (1500, 306), (2000, 322),
    (3000, 341), (5000, 357), (10000, 370), (20000, 377), (50000, 381), (100000, 384),
]  # fmt: skip


def sample_size(population: int) -> int:
    """Minimum respondents for a yearly service population (Krejcie–Morgan, rounded up a row)."""
    for pop, sample in KREJCIE_MORGAN:
        if population <= pop:
            return min(sample, population)
    return 384

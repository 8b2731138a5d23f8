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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

UNSUR_COUNT = 9
WEIGHT = 1 / UNSUR_COUNT  # PermenPAN-RB 14/2017: bobot nilai rata-rata tertimbang = 1/9

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
    nrr: dict[str, float]  # per unsur code
    ikm: float  # 1..4, unrounded
    converted: Decimal  # 25..100, two decimals
    category: str  # A/B/C/D
    label: str  # Sangat baik / Baik / Kurang baik / Tidak baik
    persepsi: int  # 1..4

    @property
    def weakest(self) -> list[str]:
        """The unsur with the lowest NRR (the follow-up plan starts there)."""
        low = min(self.nrr.values())
        return [code for code, value in self.nrr.items() if abs(value - low) < 1e-9]


def convert(ikm: float) -> Decimal:
    """IKM (1–4) → IKM unit pelayanan (25–100), two decimals, half up."""
    return Decimal(str(ikm * 25)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def category_for(converted: Decimal | float) -> tuple[int, str, str]:
    """(nilai persepsi, mutu, kinerja) for a converted IKM value."""
    value = Decimal(str(converted)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    for minimum, persepsi, mutu, kinerja in CATEGORIES:
        if value >= minimum:
            return persepsi, mutu, kinerja
    return 1, "D", "Tidak baik"


def from_nrr(nrr: dict[str, float], respondents: int) -> IKMResult:
    """IKM from the nine NRR values: Σ NRR_i × 1/9, then × 25."""
    ikm = sum(nrr[code] for code in UNSUR_FIELDS) * WEIGHT
    converted = convert(ikm)
    persepsi, mutu, kinerja = category_for(converted)
    return IKMResult(respondents, dict(nrr), ikm, converted, mutu, kinerja, persepsi)


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
    nrr = {code: totals[i] / count for i, code in enumerate(UNSUR_FIELDS)}
    return from_nrr(nrr, count)


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

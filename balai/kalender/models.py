"""Days off that the national-holiday list does not know: cuti bersama and local extra days off.

Cuti bersama are fixed each year by a joint decree (SKB) of the Ministers of Religious Affairs,
Manpower and PANRB, and may be amended mid-year, so Kominfo maintains them here
(shared/domain/website.md, "Working days").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HariLibur(models.Model):
    class Jenis(models.TextChoices):
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        LIBUR_TAMBAHAN = "libur_tambahan", _("Libur tambahan (mis. pemungutan suara)")

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("keterangan"), max_length=200)
    jenis = models.CharField(
        _("jenis"), max_length=20, choices=Jenis.choices, default=Jenis.CUTI_BERSAMA
    )
    legal_basis = models.CharField(
        _("dasar penetapan"),
        max_length=300,
        blank=True,
        help_text=_("Misalnya: SKB Menteri Agama, Menaker, dan MenPANRB tentang Cuti Bersama."),
    )

    class Meta:
        verbose_name = _("cuti bersama / libur tambahan")
        verbose_name_plural = _("cuti bersama / libur tambahan")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.name}"

"""The public SKM form (PermenPAN-RB 14/2017): nine unsur on a 1–4 scale plus the profile."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.core.public_forms import ProtectedForm
from balai.layanan.models import SurveyResponse

# Answer wording per unsur (PermenPAN-RB 14/2017, Lampiran, contoh kuesioner), 1 → 4.
ANSWERS = {
    "u1": ("Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
           ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    "u2": ("Bagaimana kemudahan prosedur pelayanan di unit ini?",
           ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
    "u3": ("Bagaimana kecepatan waktu dalam memberikan pelayanan?",
           ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
    "u4": ("Bagaimana kewajaran biaya/tarif dalam pelayanan?",
           ["Sangat mahal", "Cukup mahal", "Murah", "Gratis/sangat murah"]),
    "u5": ("Bagaimana kesesuaian produk pelayanan dengan yang tercantum dalam standar pelayanan?",
           ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    "u6": ("Bagaimana kompetensi/kemampuan petugas dalam pelayanan?",
           ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
    "u7": ("Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
           ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
            "Sangat sopan dan ramah"]),
    "u8": ("Bagaimana kualitas penanganan pengaduan, saran dan masukan?",
           ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
            "Dikelola dengan baik"]),
    "u9": ("Bagaimana kualitas sarana dan prasarana?",
           ["Buruk", "Cukup", "Baik", "Sangat baik"]),
}  # fmt: skip

REQUIRED = _("Pilih salah satu jawaban.")


class SurveyFields(forms.Form):
    """The questionnaire itself (nine unsur + profile), shared by the public form and the kiosk."""

    gender = forms.ChoiceField(
        label=_("Jenis kelamin"),
        choices=SurveyResponse.Gender.choices,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED, "invalid_choice": REQUIRED},
    )
    age = forms.IntegerField(
        label=_("Umur (tahun)"),
        min_value=15,
        max_value=100,
        error_messages={
            "required": _("Isi umur Anda."),
            "min_value": _("Umur minimal 15 tahun."),
            "max_value": _("Umur maksimal 100 tahun."),
            "invalid": _("Umur harus berupa angka."),
        },
    )
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"),
        choices=[("", _("— pilih —")), *SurveyResponse.Pendidikan.choices],
        error_messages={"required": _("Pilih pendidikan terakhir.")},
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"),
        choices=[("", _("— pilih —")), *SurveyResponse.Pekerjaan.choices],
        error_messages={"required": _("Pilih pekerjaan.")},
    )
    service_date = forms.DateField(
        label=_("Tanggal menerima layanan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Isi tanggal layanan."),
            "invalid": _("Tanggal tidak valid."),
        },
    )
    saran = forms.CharField(
        label=_("Saran (boleh dikosongkan)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["service_date"].initial = timezone.localdate()
        for code, (question, labels) in ANSWERS.items():
            self.fields[code] = forms.TypedChoiceField(
                label=f"{code.upper()}. {question}",
                coerce=int,
                choices=[(i + 1, label) for i, label in enumerate(labels)],
                widget=forms.RadioSelect,
                error_messages={"required": REQUIRED, "invalid_choice": REQUIRED},
            )

    def clean_service_date(self):
        value = self.cleaned_data["service_date"]
        today = timezone.localdate()
        if value > today:
            raise forms.ValidationError(_("Tanggal layanan tidak boleh di masa depan."))
        if (today - value).days > 90:
            raise forms.ValidationError(_("Survei hanya untuk layanan dalam 90 hari terakhir."))
        return value

    def profile_fields(self):
        return [self[n] for n in ("gender", "age", "education", "occupation", "service_date")]

    def unsur_fields(self):
        return [self[code] for code in ANSWERS]


class SurveyForm(SurveyFields, ProtectedForm):
    """The public SKM form: the questionnaire behind the one-time token and the honeypot."""

    form_name = "skm"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Keep the honeypot and token last.
        for name in ("form_token", "website"):
            self.fields[name] = self.fields.pop(name)


class KioskSurveyForm(SurveyFields):
    """One answer sheet synced from a counter's tablet (JSON, authenticated by the counter key):
    the questionnaire plus the tablet's UUID and the moment it was answered."""

    uuid = forms.UUIDField(error_messages={"required": _("UUID jawaban wajib ada.")})
    dijawab_pada = forms.DateTimeField(required=False)

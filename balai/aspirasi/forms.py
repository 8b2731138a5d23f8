from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from balai.aspirasi.models import Category
from balai.core.privacy import normalise_phone
from balai.core.public_forms import ProtectedForm
from balai.core.uploads import ATTACHMENT_KINDS, validate_upload


class AspirasiForm(ProtectedForm):
    form_name = "aspirasi"

    text = forms.CharField(
        label=_("Isi aspirasi atau pengaduan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    category = forms.ModelChoiceField(
        Category.objects.all(),
        label=_("Kategori"),
        required=False,
        empty_label=_("Pilih kategori (boleh dikosongkan)"),
    )
    kecamatan = forms.CharField(label=_("Kecamatan"), max_length=80, required=False)
    kelurahan = forms.CharField(label=_("Kelurahan"), max_length=80, required=False)
    location = forms.CharField(label=_("Lokasi (alamat/patokan)"), max_length=200, required=False)
    attachment = forms.FileField(label=_("Foto atau PDF"), required=False)
    reporter_name = forms.CharField(label=_("Nama"), max_length=120, required=False)
    phone = forms.CharField(
        label=_("Nomor ponsel"),
        max_length=20,
        required=False,
        help_text=_("Jawaban dikirim lewat SMS ke nomor ini."),
    )
    email = forms.EmailField(
        label=_("Surel"),
        required=False,
        help_text=_("Bila diisi, jawaban juga dikirim ke alamat surel ini."),
    )
    anonim = forms.BooleanField(
        label=_("Anonim: identitas saya tidak ditunjukkan ke OPD"), required=False
    )
    rahasia = forms.BooleanField(
        label=_("Rahasia: aspirasi ini tidak ditampilkan ke publik"), required=False
    )

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        number = normalise_phone(raw)
        if number is None:
            raise forms.ValidationError(_("Nomor ponsel tidak valid."))
        return number

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_upload(upload, ATTACHMENT_KINDS, max_bytes=5 * 1024 * 1024)
        return upload

"""Forms of the PPID: the public request form, tracking, objection, and the officers' forms."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from balai.core.privacy import normalise_phone
from balai.core.public_forms import ProtectedForm
from balai.core.uploads import DOCUMENT_KINDS, ZIP, validate_upload
from balai.opd.models import OPD
from balai.ppid.models import Keberatan, Pasal17, Permohonan

LAMPIRAN_MAX_BYTES = 10 * 1024 * 1024
LAMPIRAN_KINDS = DOCUMENT_KINDS - {ZIP}


class PemohonFields(forms.Form):
    """The requester's data, as UU 14/2008 Pasal 22(1) and Perki 1/2021 ask (nothing more)."""

    nama = forms.CharField(label=_("Nama lengkap"), max_length=200)
    nik = forms.RegexField(
        label=_("NIK atau nomor identitas lain"),
        regex=r"^[0-9A-Za-z./ -]{6,32}$",
        max_length=32,
        error_messages={"invalid": _("Tulis nomor identitas (6–32 huruf/angka).")},
    )
    alamat = forms.CharField(label=_("Alamat"), widget=forms.Textarea(attrs={"rows": 2}))
    telepon = forms.CharField(label=_("Nomor telepon/HP"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    pekerjaan = forms.CharField(label=_("Pekerjaan"), max_length=120, required=False)
    rincian = forms.CharField(
        label=_("Rincian informasi yang dibutuhkan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    tujuan = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    cara_memperoleh = forms.ChoiceField(
        label=_("Cara memperoleh informasi"),
        choices=Permohonan.CaraMemperoleh.choices,
        widget=forms.RadioSelect,
    )
    cara_mendapatkan = forms.ChoiceField(
        label=_("Cara mendapatkan salinan informasi"),
        choices=Permohonan.CaraMendapatkan.choices,
        widget=forms.RadioSelect,
    )

    def clean_telepon(self):
        raw = self.cleaned_data.get("telepon", "")
        if not raw:
            return ""
        phone = normalise_phone(raw)
        if not phone:
            raise forms.ValidationError(_("Nomor telepon tidak valid, contoh: 0812 3456 7890."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("telepon")
            and not cleaned.get("email")
            and not self.errors.get("telepon")
        ):
            self.add_error("email", _("Isi e-mail atau nomor telepon agar kami dapat menjawab."))
        if cleaned.get("cara_mendapatkan") == "email" and not cleaned.get("email"):
            self.add_error("email", _("Isi e-mail untuk menerima informasi melalui e-mail."))
        return cleaned


class PermohonanForm(PemohonFields, ProtectedForm):
    form_name = "ppid-permohonan"

    tujuan_opd = forms.ModelChoiceField(
        label=_("Ditujukan kepada"),
        queryset=OPD.objects.none(),
        required=False,
        empty_label=_("PPID Utama (Pemerintah Daerah)"),
    )
    setuju = forms.BooleanField(
        label=_("Saya menyatakan data di atas benar dan informasi digunakan sesuai tujuan.")
    )

    def __init__(self, *args, fixed_opd=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_opd is not None:
            del self.fields["tujuan_opd"]
        else:
            self.fields["tujuan_opd"].queryset = OPD.objects.active().provisioned().order_by("name")
        order = ["tujuan_opd", *PemohonFields.base_fields, "setuju", "form_token", "website"]
        self.order_fields([f for f in order if f in self.fields])


class PermohonanPetugasForm(PemohonFields):
    """A walk-in, phone, letter or e-mail request entered by an officer, with the channel."""

    opd = forms.ModelChoiceField(
        label=_("Ditujukan kepada"),
        queryset=OPD.objects.none(),
        required=False,
        empty_label=_("PPID Utama"),
    )
    kanal = forms.ChoiceField(label=_("Kanal"), choices=Permohonan.Kanal.choices)
    received_at = forms.DateTimeField(
        label=_("Diterima pada"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Kosongkan bila diterima sekarang."),
    )

    def __init__(self, *args, opds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds if opds is not None else OPD.objects.none()


class LacakForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor pendaftaran"), max_length=40)


class KeberatanForm(ProtectedForm):
    form_name = "ppid-keberatan"

    alasan = forms.ChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"),
        choices=Keberatan.Alasan.choices,
        widget=forms.RadioSelect,
    )
    uraian = forms.CharField(
        label=_("Uraian keberatan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )


class PerpanjangForm(forms.Form):
    hari_kerja = forms.IntegerField(
        label=_("Tambahan hari kerja"), min_value=1, max_value=7, initial=7
    )
    alasan = forms.CharField(
        label=_("Alasan perpanjangan (tertulis)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class JawabForm(forms.Form):
    keputusan = forms.ChoiceField(label=_("Keputusan"), choices=Permohonan.Keputusan.choices)
    jawaban = forms.CharField(
        label=_("Isi pemberitahuan tertulis"), widget=forms.Textarea(attrs={"rows": 4})
    )
    bentuk_informasi = forms.CharField(label=_("Bentuk informasi yang diberikan"), required=False)
    biaya = forms.IntegerField(
        label=_("Biaya salinan/pengiriman (Rp)"), min_value=0, initial=0, required=False
    )
    waktu_penyediaan = forms.CharField(label=_("Waktu penyediaan"), required=False)
    # Refusal as exempt: the ground (UU 14/2008 Pasal 17) and the uji konsekuensi (Perki 1/2021
    # Pasal 49–50) that the surat keputusan penolakan and its attachment print.
    pasal_17 = forms.ChoiceField(
        label=_("Dasar pengecualian: UU 14/2008 Pasal 17 (bila ditolak/sebagian)"),
        choices=[("", "—"), *Pasal17.choices],
        required=False,
    )
    pasal_pengecualian = forms.CharField(
        label=_("Rincian pasal atau undang-undang lain yang menjadi dasar"),
        required=False,
        help_text=_("Misalnya: Pasal 17 huruf h angka 2; UU 17/2023 Pasal 4."),
    )
    informasi_dikecualikan = forms.CharField(
        label=_("Informasi yang dikecualikan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    uji_konsekuensi = forms.CharField(
        label=_("Uji konsekuensi: akibat bila informasi dibuka"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    pertimbangan_kepentingan_umum = forms.CharField(
        label=_("Pertimbangan kepatutan dan kepentingan umum"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    masa_pengecualian = forms.CharField(
        label=_("Jangka waktu pengecualian"), required=False, max_length=120
    )
    diteruskan_ke = forms.CharField(label=_("Diteruskan ke badan publik"), required=False)
    lampiran = MultipleFileField(label=_("Dokumen yang diberikan"), required=False)

    def clean_lampiran(self):
        files = self.cleaned_data.get("lampiran") or []
        for upload in files:
            validate_upload(upload, LAMPIRAN_KINDS, LAMPIRAN_MAX_BYTES)
        return files


class TanggapanPemohonForm(forms.Form):
    tanggapan_pemohon = forms.CharField(
        label=_("Tanggapan pemohon atas keputusan atasan PPID"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class TanggapiKeberatanForm(forms.Form):
    hasil = forms.ChoiceField(label=_("Hasil"), choices=Keberatan.Hasil.choices)
    tanggapan = forms.CharField(
        label=_("Tanggapan tertulis atasan PPID"), widget=forms.Textarea(attrs={"rows": 3})
    )

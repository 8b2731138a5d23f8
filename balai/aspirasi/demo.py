"""Demo aspirations: a few hundred tickets over the past year across OPDs, channels and statuses
(some overdue), with threads and answers; categories, SMS keyword rules, the SMS simulator."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from balai.aspirasi.models import Category, RoutingRule, Ticket, TicketEvent, Tier
from balai.aspirasi.services import route
from balai.kalender.calendar import due_date
from balai.opd.models import OPD
from balai.sms.inbound import fingerprint
from balai.sms.models import Gateway, InboundSMS, OutboundSMS

CATEGORIES = [
    ("Infrastruktur jalan dan drainase", "infrastruktur", Tier.PENGAWASAN),
    ("Kesehatan", "kesehatan", Tier.NORMATIF),
    ("Pendidikan", "pendidikan", Tier.NORMATIF),
    ("Administrasi kependudukan", "adminduk", Tier.RINGAN),
    ("Kebersihan dan persampahan", "kebersihan", Tier.NON_PENGAWASAN),
    ("Permintaan informasi", "informasi", Tier.RINGAN),
]
# (category, citizen's text, the answer that answers it)
TEXTS = [
    ("infrastruktur",
     "Jalan di Jl. Veteran depan Masjid Raya berlubang besar, sudah ada pengendara jatuh.",
     "Lubang di Jl. Veteran depan Masjid Raya sudah ditambal dengan aspal oleh tim UPT Jalan; "
     "rambu peringatan dipasang selama aspal mengeras."),
    ("infrastruktur", "Drainase di Gang Melati tersumbat, tiap hujan air masuk rumah warga.",
     "Saluran di Gang Melati sudah dikeruk sepanjang 120 m dan sedimennya diangkut. Mohon warga "
     "tidak membuang sampah ke saluran."),
    ("infrastruktur", "Lampu penerangan jalan di simpang Pasar Baru mati sejak seminggu.",
     "Dua lampu PJU di simpang Pasar Baru sudah diganti dan menyala kembali sejak malam ini."),
    ("kesehatan", "Antrean di Puskesmas Sukamaju sangat panjang, loket BPJS hanya satu.",
     "Mulai Senin depan Puskesmas Sukamaju membuka loket BPJS kedua pukul 07.30–11.00 dan "
     "pendaftaran daring lewat aplikasi antrean."),
    ("kesehatan", "Mohon fogging di RT 03 RW 05, sudah dua anak kena DBD.",
     "Petugas Puskesmas sudah melakukan penyelidikan epidemiologi di RT 03 RW 05; fogging "
     "dilaksanakan Sabtu pagi. Tetap lakukan 3M Plus di rumah masing-masing."),
    ("pendidikan", "Pungutan uang komite di SMP negeri apakah dibenarkan? Mohon penjelasan.",
     "Sekolah negeri tidak boleh memungut biaya wajib (Permendikbud 75/2016); sumbangan komite "
     "harus sukarela dan tidak ditentukan jumlahnya. Laporkan sekolahnya bila ada paksaan."),
    ("pendidikan", "Atap kelas SD 12 bocor, murid belajar di teras.",
     "Atap dua ruang kelas SD 12 sudah diperbaiki dengan dana pemeliharaan sekolah; murid kembali "
     "belajar di kelas."),
    ("adminduk", "KTP-el saya belum jadi sejak tiga bulan, sudah rekam di kecamatan.",
     "Data rekaman Anda sudah kami periksa dan KTP-el sudah dicetak; silakan ambil di kantor "
     "Disdukcapil dengan membawa bukti rekam."),
    ("adminduk", "Bagaimana cara mengurus akta kelahiran anak yang terlambat dilaporkan?",
     "Bawa surat keterangan lahir, KK, KTP-el orang tua dan SPTJM kebenaran data kelahiran ke "
     "Disdukcapil atau ajukan daring; tidak dipungut biaya dan tidak perlu penetapan pengadilan."),
    ("kebersihan", "Sampah di TPS Jl. Rasuna Said tidak diangkut empat hari, bau sekali.",
     "Sampah di TPS Jl. Rasuna Said sudah diangkut; jadwal truk ke TPS itu kini setiap hari "
     "pukul 06.00."),
    ("kebersihan", "Ada pembuangan sampah liar di bantaran sungai dekat jembatan.",
     "Tumpukan sampah di bantaran sungai sudah dibersihkan bersama warga, dan papan larangan "
     "membuang sampah dipasang di dekat jembatan."),
    ("informasi", "Kapan jadwal pendaftaran PPDB tahun ini dibuka?",
     "Pendaftaran PPDB dibuka 2 Juni dan ditutup 13 Juni; jadwal lengkap ada di situs Disdikbud "
     "menu Pengumuman."),
]  # fmt: skip
# Who answers each category in the demo city (Category.default_opd, as an admin would set it);
# "kebersihan" has none: Kominfo's triage sends it to the reporter's kecamatan.
DEFAULT_OPD = {
    "infrastruktur": "dpupr",
    "kesehatan": "dinkes",
    "pendidikan": "disdikbud",
    "adminduk": "disdukcapil",
    "informasi": "diskominfo",
}
NAMES = [
    "Budi Santoso",
    "Siti Aminah",
    "Andi Pratama",
    "Rina Marlina",
    "Joko Susilo",
    "Dewi Lestari",
    "Hendra Gunawan",
    "Nurul Hidayah",
    "",
    "",
]
KECAMATAN = [
    ("Kota Utara", "Sukamaju", "kec-utara"),
    ("Kota Utara", "Mekarsari", "kec-utara"),
    ("Kota Selatan", "Sidomulyo", "kec-selatan"),
    ("Kota Selatan", "Tanjungsari", "kec-selatan"),
]
TOTAL = 300


def load(out) -> list[tuple[str, str, str]]:
    opds = list(OPD.objects.filter(is_active=True).exclude(site=None).order_by("pk"))
    by_slug = {o.slug: o for o in opds}
    cats = {}
    for name, slug, tier in CATEGORIES:
        cats[slug], _ = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "tier": tier,
                "default_opd": by_slug.get(DEFAULT_OPD.get(slug)),
            },
        )
    for opd in opds[:8]:
        RoutingRule.objects.get_or_create(keyword=opd.slug.upper(), defaults={"opd": opd})
    if Ticket.objects.filter(number__startswith="ASP-D").exists() or not opds:
        out.write(f"  Aspirasi: {Ticket.objects.count()} tiket (sudah ada)")
        return []
    rng = random.Random(6)  # noqa: S311 - demo data, reproducible
    now = timezone.now()
    statuses = ["selesai"] * 6 + [
        "ditindaklanjuti",
        "didisposisikan",
        "baru",
        "diverifikasi",
        "ditolak",
    ]
    tickets, smses = [], []
    keywords = dict(RoutingRule.objects.values_list("opd__slug", "keyword"))
    for i in range(TOTAL):
        slug, text, answer = rng.choice(TEXTS)
        cat = cats[slug]
        # Received within the past year, at least a day ago, so every step below stays in the past.
        received = now - dt.timedelta(days=rng.uniform(1, 365), hours=rng.uniform(0, 8))
        status = rng.choice(statuses)
        channel = rng.choice(["web", "sms", "sms"])
        kec, kel, kec_slug = rng.choice(KECAMATAN)
        phone = f"+62812{rng.randint(10000000, 99999999)}"
        keyword = keywords.get(DEFAULT_OPD.get(slug, ""))
        if channel == "sms" and keyword and rng.random() < 0.4:
            text = f"{keyword} {text}"  # "<KODE OPD> <pesan>", routed by the keyword rule
        raw = text
        # Routed exactly as production routes: keyword rule, then the category's OPD, else triage.
        opd, text = route(text, cat)
        if opd is not None and status == "baru":
            status = "didisposisikan"  # a routed ticket is disposed on arrival, never "baru"
        elif opd is None and status != "baru":
            opd = by_slug.get(kec_slug)  # triage disposed it to the reporter's kecamatan
        t = Ticket(
            number=f"ASP-D{received:%y%m}-{i:04d}",
            channel=channel,
            opd=opd,
            category=cat,
            reporter_name="" if channel == "sms" else rng.choice(NAMES),
            phone=phone,
            anonim=rng.random() < 0.15,
            rahasia=rng.random() < 0.1,
            text=text,
            kecamatan=kec,
            kelurahan=kel,
            status=status,
            received_at=received,
            first_response_due=due_date(received, cat.first_response_days),
            tenggat=due_date(received, cat.days_to_complete),
        )
        if status != "baru":
            t.first_response_at = min(
                received + dt.timedelta(hours=rng.uniform(2, 90)), now - dt.timedelta(hours=2)
            )
        if status == "selesai":
            t.answer = answer
            t.answered_at = min(
                t.first_response_at + dt.timedelta(days=rng.uniform(0.5, 12)),
                now - dt.timedelta(hours=1),
            )
            t.rating = rng.choice([None, 3, 4, 5, 5])
        if status == "ditolak":
            t.reason = "Bukan kewenangan Pemerintah Kota / tidak dapat dipahami."
        tickets.append(t)
        if channel == "sms":
            sms_text = raw if raw != text else f"LAPOR {text}"
            smses.append(
                InboundSMS(
                    gateway=Gateway.GAMMU,
                    phone=phone,
                    text=sms_text,
                    received_at=received,
                    fingerprint=fingerprint(phone, sms_text, received),
                    status="diproses",
                    ticket_number=t.number,
                    attempts=1,
                )
            )
    Ticket.objects.bulk_create(tickets)
    InboundSMS.objects.bulk_create(smses)
    events = []
    related = []
    by_pk = {o.pk: o for o in opds}
    for t in Ticket.objects.filter(number__startswith="ASP-D"):
        events.append(TicketEvent(ticket=t, kind="pesan", text=t.text, public=True))
        if t.opd_id:
            text = f"Didisposisikan ke {by_pk[t.opd_id].name}."
            other = None
            if rng.random() < 0.1:  # some reports need two OPDs (e.g. roads and traffic)
                other = rng.choice([o for o in opds if o.pk != t.opd_id])
                related.append(Ticket.related_opds.through(ticket_id=t.pk, opd_id=other.pk))
                text += f" OPD terkait: {other.name}."
            events.append(TicketEvent(ticket=t, kind="disposisi", public=True, text=text))
            if other is not None:
                events.append(
                    TicketEvent(
                        ticket=t,
                        kind="catatan",
                        text=f"{other.short_name or other.name}: sudah kami cek ke lokasi.",
                    )
                )
        if rng.random() < 0.2:
            events.append(
                TicketEvent(
                    ticket=t,
                    kind="pesan",
                    public=True,
                    text="Mohon segera ditindaklanjuti, kondisinya makin parah.",
                )
            )
        if t.answer:
            events.append(TicketEvent(ticket=t, kind="jawaban", text=t.answer, public=True))
    TicketEvent.objects.bulk_create(events)
    # auto_now_add stamped every event "now": date the thread along the ticket's own life.
    dated = []
    for e in TicketEvent.objects.filter(ticket__number__startswith="ASP-D").select_related(
        "ticket"
    ):
        t = e.ticket
        if e.kind == "jawaban" and t.answered_at:
            e.created_at = t.answered_at
        elif e.kind in ("disposisi", "catatan") and t.first_response_at:
            e.created_at = t.first_response_at
        elif e.kind == "pesan" and e.text != t.text:  # a follow-up message from the citizen
            e.created_at = min(t.received_at + dt.timedelta(hours=1), now)
        else:
            e.created_at = t.received_at
        dated.append(e)
    TicketEvent.objects.bulk_update(dated, ["created_at"], batch_size=500)
    Ticket.related_opds.through.objects.bulk_create(related)
    OutboundSMS.objects.get_or_create(
        dedupe_key="demo-failed",
        defaults={
            "phone": "+6281200000001",
            "status": "gagal",
            "attempts": 6,
            "text": "[ASP-D] Contoh SMS yang gagal terkirim (gateway mati).",
            "last_error": "modem offline",
        },
    )
    overdue = Ticket.objects.filter(
        status__in=Ticket.OPEN, tenggat__lt=timezone.localdate()
    ).count()
    out.write(
        f"  Aspirasi: {TOTAL} tiket demo ({overdue} terlambat); simulator: /admin/sms/simulator/"
    )
    return []

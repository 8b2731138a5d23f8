"""Tickets out of Balai in one documented format (docs/aspirasi-ekspor.md), CSV or JSON, for bulk
transfer to SP4N-LAPOR! or another system. The same record is what a LaporAdapter receives.

Anonymous reports (anonim) leave without the reporter's name, phone or e-mail, as LAPOR!'s own
anonymous option hides the identity from the agency (shared/domain/aspirasi.md; UU 27/2022).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import QuerySet
from django.utils import timezone

from balai.aspirasi.models import Ticket

FORMAT_NAME = "balai-aspirasi-ekspor"
FORMAT_VERSION = 1
FIELDS = [
    "nomor",
    "nomor_lapor",
    "diterima",
    "kanal",
    "status",
    "status_label",
    "kategori",
    "opd",
    "opd_nama",
    "opd_terkait",
    "isi",
    "kecamatan",
    "kelurahan",
    "lokasi",
    "anonim",
    "rahasia",
    "nama_pelapor",
    "ponsel",
    "surel",
    "batas_tanggapan_pertama",
    "batas_penyelesaian",
    "tanggapan_pertama",
    "dijawab",
    "jawaban",
    "diteruskan_jenis",
    "diteruskan_ke",
    "diteruskan_pada",
    "alasan_diteruskan",
]


def _iso(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "hour"):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def record(ticket: Ticket) -> dict:
    """One ticket as an export record (keys in ``FIELDS`` order)."""
    hidden = ticket.anonim
    return {
        "nomor": ticket.number,
        "nomor_lapor": ticket.lapor_number,
        "diterima": _iso(ticket.received_at),
        "kanal": ticket.channel,
        "status": ticket.status,
        "status_label": str(ticket.get_status_display()),
        "kategori": ticket.category.name if ticket.category_id else "",
        "opd": ticket.opd.slug if ticket.opd_id else "",
        "opd_nama": ticket.opd.name if ticket.opd_id else "",
        "opd_terkait": [o.slug for o in ticket.related_opds.all()],
        "isi": ticket.text,
        "kecamatan": ticket.kecamatan,
        "kelurahan": ticket.kelurahan,
        "lokasi": ticket.location,
        "anonim": ticket.anonim,
        "rahasia": ticket.rahasia,
        "nama_pelapor": "" if hidden else ticket.reporter_name,
        "ponsel": "" if hidden else ticket.phone,
        "surel": "" if hidden else ticket.email,
        "batas_tanggapan_pertama": _iso(ticket.first_response_due),
        "batas_penyelesaian": _iso(ticket.tenggat),
        "tanggapan_pertama": _iso(ticket.first_response_at),
        "dijawab": _iso(ticket.answered_at),
        "jawaban": ticket.answer,
        "diteruskan_jenis": ticket.forwarded_target,
        "diteruskan_ke": ticket.forwarded_to,
        "diteruskan_pada": _iso(ticket.forwarded_at),
        "alasan_diteruskan": ticket.forwarded_reason,
    }


def records(tickets: QuerySet[Ticket]) -> Iterator[dict]:
    tickets = tickets.select_related("opd", "category").prefetch_related("related_opds")
    for ticket in tickets.order_by("received_at", "pk").iterator(chunk_size=500):
        yield record(ticket)


def write_json(rows: Iterable[dict], out: IO[str]) -> int:
    rows = list(rows)
    document = {
        "format": FORMAT_NAME,
        "versi": FORMAT_VERSION,
        "dibuat": _iso(timezone.now()),
        "jumlah": len(rows),
        "tiket": rows,
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(rows)


def write_csv(rows: Iterable[dict], out: IO[str]) -> int:
    """UTF-8, comma-separated, header row of ``FIELDS``; lists joined with ";", booleans as
    "ya"/"tidak", empty cells for no value."""
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    count = 0
    for row in rows:
        cells = {}
        for key, value in row.items():
            if isinstance(value, bool):
                value = "ya" if value else "tidak"
            elif isinstance(value, list):
                value = ";".join(value)
            cells[key] = "" if value is None else value
        writer.writerow(cells)
        count += 1
    return count

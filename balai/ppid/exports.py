"""XLSX and PDF documents of the PPID: the DIP, the written notice, the annual report, the
registers of requests and objections, and the refusal decision."""

from __future__ import annotations

import datetime as dt
import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font

# DIP columns in the order of Perki 1/2021 (SLIP), then the category (as most Pemdas add).
DIP_HEADERS = [
    "No.",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan/penerbitan informasi",
    "Waktu dan tempat pembuatan informasi",
    "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan/retensi arsip",
    "Kategori",
    "OPD",
]


def dip_row(n: int, item) -> list:
    return [
        n,
        f"{item.judul}: {item.ringkasan}",
        item.unit_penguasa,
        item.penanggung_jawab,
        f"{item.waktu_pembuatan}, {item.tempat_pembuatan}",
        item.get_bentuk_display(),
        item.retensi,
        item.get_kategori_display(),
        item.opd.short_name,
    ]


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def dip_xlsx(items, opd=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "DIP"
    ws.append(
        [_("Daftar Informasi Publik") + " — " + (opd.name if opd else _("Pemerintah Daerah"))]
    )
    ws.append(DIP_HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, item in enumerate(items, 1):
        ws.append(dip_row(n, item))
    for col, width in zip("ABCDEFGHI", (5, 60, 30, 30, 30, 18, 22, 18, 14), strict=True):
        ws.column_dimensions[col].width = width
    return _save(wb)


def dip_pdf(items, opd=None) -> bytes:
    rows = [dip_row(n, item) for n, item in enumerate(items, 1)]
    return _pdf(
        render_to_string(
            "ppid/pdf/dip.html",
            {
                "opd": opd,
                "headers": DIP_HEADERS,
                "rows": rows,
                "today": timezone.localdate(),
            },
        )
    )


def notice_pdf(permohonan) -> bytes:
    """Pemberitahuan tertulis (UU 14/2008 Pasal 22(7); form of Perki 1/2021 SLIP)."""
    return _pdf(render_to_string("ppid/pdf/pemberitahuan.html", {"p": permohonan}))


def report_xlsx(s: dict) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    ws.append([_("Laporan Layanan Informasi Publik"), f"{s['start']} – {s['end']}"])
    ws.append([])
    for label, value in [
        (_("Jumlah permohonan"), s["total"]),
        (_("Selesai"), s["selesai"]),
        (_("Diperpanjang"), s["diperpanjang"]),
        (_("Terlambat (masih terbuka)"), s["terlambat_terbuka"]),
        (_("Rata-rata waktu menjawab (hari kerja)"), s["rata_hari"]),
        (_("Waktu menjawab terlama (hari kerja)"), s["maks_hari"]),
        (_("Jumlah keberatan"), s["keberatan_total"]),
    ]:
        ws.append([str(label), value])
    for title, rows in [
        (_("Per kanal"), s["per_kanal"]),
        (_("Per keputusan"), s["per_keputusan"]),
        (_("Hasil keberatan"), s["keberatan_hasil"]),
        (_("DIP per kategori"), s["dip_per_kategori"]),
    ]:
        sheet = wb.create_sheet(title[:30])
        sheet.append([title, _("Jumlah")])
        for row in rows:
            sheet.append([str(row[0]), row[1]])
        if rows:
            chart = BarChart()
            chart.title = title
            chart.add_data(
                Reference(sheet, min_col=2, min_row=1, max_row=len(rows) + 1), titles_from_data=True
            )
            chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1))
            sheet.add_chart(chart, "D2")
    sheet = wb.create_sheet(_("Per OPD"))
    sheet.append([_("OPD"), _("Permohonan"), _("Selesai"), _("Tepat waktu")])
    for row in s["per_opd"]:
        sheet.append(
            [row["opd__name"] or _("PPID Utama"), row["total"], row["selesai"], row["tepat"]]
        )
    sheet = wb.create_sheet(_("Alasan penolakan"))
    sheet.append([_("Pasal pengecualian"), _("Jumlah")])
    for row in s["ditolak_pasal"]:
        sheet.append([row["pasal_pengecualian"], row["n"]])
    return _save(wb)


def report_pdf(s: dict) -> bytes:
    return _pdf(render_to_string("ppid/pdf/laporan.html", {"s": s}))


# --- registers and the refusal decision ----------------------------------------------------------

HEADER_ROWS = 5  # title, scope/period, group headings, column labels, column numbers


def register_xlsx(reg) -> bytes:
    """The register as a workbook laid out like the printed form: grouped headings merged over
    their columns, a row of column numbers, one row per request/objection (data from row 6)."""
    from openpyxl.styles import Border, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = str(_("Register"))
    ncols = len(reg.columns)
    ws.append([str(reg.title)])
    ws.append([f"{reg.scope_label} — {reg.start:%d-%m-%Y} s.d. {reg.end:%d-%m-%Y}"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    ws["A1"].font = Font(bold=True, size=13)
    for group, first, cols in reg.groups:
        c = first + 1
        if group:
            ws.cell(row=3, column=c, value=group)
            ws.merge_cells(start_row=3, start_column=c, end_row=3, end_column=c + len(cols) - 1)
            for i, col in enumerate(cols):
                ws.cell(row=4, column=c + i, value=col.label)
        else:
            ws.cell(row=3, column=c, value=cols[0].label)
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    for i in range(ncols):
        ws.cell(row=5, column=i + 1, value=f"({i + 1})")
    thin = Side(style="thin", color="444444")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in ws.iter_rows(min_row=3, max_row=5, max_col=ncols):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            cell.border = border
    for values in reg.rows:
        ws.append(values)
    for row in ws.iter_rows(min_row=HEADER_ROWS + 1, max_col=ncols):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD-MM-YYYY"
    for i, col in enumerate(reg.columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = ws.cell(row=HEADER_ROWS + 1, column=3)
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return _save(wb)


def register_pdf(reg) -> bytes:
    return _pdf(
        render_to_string("ppid/pdf/register.html", {"reg": reg, "today": timezone.localdate()})
    )


def refusal_pdf(permohonan) -> bytes:
    """Surat keputusan PPID tentang penolakan permohonan informasi (form of Perki SLIP), with the
    uji konsekuensi attached (Perki 1/2021 Pasal 49: the information, the law, the consequence
    and the period of exemption)."""
    return _pdf(render_to_string("ppid/pdf/penolakan.html", {"p": permohonan}))

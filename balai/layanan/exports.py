"""IKM report exports: XLSX (openpyxl) and PDF (WeasyPrint) in the layout of PermenPAN-RB 14/2017
(Lampiran: pengolahan data — NRR per unsur, NRR tertimbang, IKM, konversi, mutu, kinerja)."""

from __future__ import annotations

import io

from balai.layanan.ikm import UNSUR, WEIGHT


def report_data(period, *, opd=None, scope_name: str = "") -> dict:
    """Everything the IKM report shows for one period and scope (an OPD, or the whole city):
    the page, the XLSX, the PDF and the demo's published report all read this one dict."""
    from balai.layanan import selectors

    data = selectors.report(period, opd=opd)
    data["unsur"] = UNSUR
    data["title"] = f"Indeks Kepuasan Masyarakat {opd.name if opd else 'Kota'} — {period.label}"
    data["scope_name"] = scope_name or (opd.name if opd else "Pemerintah Kota")
    overall = data["overall"]
    if overall:
        data["unsur_rows"] = [
            {
                "code": code,
                "name": name,
                "nrr": float(overall.nrr[code]),
                "weighted": float(overall.nrr[code] * WEIGHT),
                "pct": round(float(overall.nrr[code]) / 4 * 100, 1),
            }
            for code, name in UNSUR
        ]
        data["weakest"] = [row for row in data["unsur_rows"] if row["code"] in overall.weakest]
    data["trend_rows"] = [
        {"label": p.label, "value": r.converted, "category": r.category, "pct": float(r.converted)}
        for p, r in data["trend"]
    ]
    return data


def report_pdf(data: dict, base_url: str = "/") -> bytes:
    """The SKM report (PermenPAN-RB 14/2017 layout) as PDF."""
    from django.template.loader import render_to_string

    return html_to_pdf(render_to_string("layanan/report_pdf.html", data), base_url)


def report_xlsx(data: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "IKM"
    ws.append([data["title"]])
    ws["A1"].font = Font(bold=True, size=13)
    overall = data["overall"]
    ws.append([])
    ws.append(["Unsur", "Nama unsur", "NRR per unsur", "Bobot", "NRR tertimbang"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    if overall:
        for code, name in data["unsur"]:
            nrr = overall.nrr[code]
            ws.append(
                [
                    code.upper(),
                    name,
                    round(float(nrr), 3),
                    round(float(WEIGHT), 4),
                    round(float(nrr * WEIGHT), 3),
                ]
            )
        ws.append([])
        ws.append(["Jumlah responden", overall.respondents])
        ws.append(["IKM (1–4)", round(float(overall.ikm), 4)])
        ws.append(["IKM unit pelayanan (×25)", float(overall.converted)])
        ws.append(["Mutu pelayanan", overall.category])
        ws.append(["Kinerja unit pelayanan", overall.label])
    else:
        ws.append(["Belum ada responden pada periode ini."])
    rows = wb.create_sheet("Rincian")
    rows.append(
        ["Nama", "Responden", *[c.upper() for c, _ in data["unsur"]], "IKM", "Mutu", "Kinerja"]
    )
    for cell in rows[1]:
        cell.font = Font(bold=True)
    for row in data["rows"]:
        res = row["result"]
        if res is None:
            rows.append([row["name"], 0])
            continue
        rows.append(
            [
                row["name"],
                res.respondents,
                *[round(float(res.nrr[c]), 3) for c, _ in data["unsur"]],
                float(res.converted),
                res.category,
                res.label,
            ]
        )
    ws.column_dimensions["B"].width = 42
    rows.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def html_to_pdf(html: str, base_url: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()

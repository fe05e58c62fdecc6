"""The steering group's report (PDF) and the partner's activity report (Excel)."""

import io
from datetime import date

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kohtaanto.common.disclosure import shown
from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.programme.disclosure import protect_records
from kohtaanto.programme.exports.common import (
    ReportPDF,
    format_date,
    format_eur,
    indicator_grid,
    indicator_rule_note,
)
from kohtaanto.programme.exports.indicators import indicator_records
from kohtaanto.programme.models import ActivityEntry
from kohtaanto.programme.selectors import PartnerActivitySummary, SteeringSummary


def steering_report_pdf(summary: SteeringSummary) -> bytes:
    """The steering group's period summary as PDF."""
    op = summary.operation
    pdf = ReportPDF(_("Ohjausryhmän raportti: %(operation)s") % {"operation": op.name})
    pdf.facts(
        [
            (_("Hanke"), op.code),
            (_("Rahoittaja"), op.funder or "–"),
            (_("Raportointikausi"), f"{format_date(summary.start)}–{format_date(summary.end)}"),
        ]
    )
    pdf.heading(_("Keskeiset luvut"))
    # The steering group sees protected counts only (programme.disclosure).
    protected = {r["code"]: r for r in protect_records(indicator_records(summary.indicators))}
    g = protected["EECO01"]
    cumulative = shown(summary.participants_cumulative)
    kind_labels = dict(ActivityEntry.Kind.choices)
    rows = [
        [_("Kaudella aloittaneet osallistujat"), str(g["total"])],
        [
            _("– naiset / miehet / muunsukupuoliset"),
            f"{g['women']} / {g['men']} / {g['non_binary']}",
        ],
        [_("Osallistujat hankkeen alusta"), str(cumulative)],
        [
            _("Työllistyneet osallistumisen päättyessä (EECR04)"),
            str(protected["EECR04"]["total"]),
        ],
        [_("Hankkeeseen liitetyt yritykset"), str(summary.companies_linked)],
        [_("Tuetut organisaatiot (EECO18 + EECO19)"), str(summary.companies_supported)],
        [_("Yhteiset yrityskäynnit"), str(summary.company_visits)],
        [_("Koulutustilaisuudet"), str(summary.trainings)],
    ]
    rows += [
        [_("Yhteistyöloki: %(kind)s") % {"kind": kind_labels[kind]}, str(count)]
        for kind, count in summary.activity_by_kind.items()
        if kind not in (ActivityEntry.Kind.COMPANY_VISIT, ActivityEntry.Kind.TRAINING)
    ]
    pdf.grid([_("Mittari"), _("Määrä")], rows, widths=[140, 40])

    # The ESF+ project budget and the employment area's own appropriation are different
    # money (the funder's operation vs the municipalities' yearly budget): kept apart.
    pdf.heading(_("Hankkeen budjetti (ESR+-hanke)"))
    money_rows = [
        [_("Hankkeen budjetti yhteensä"), format_eur(summary.money.budget_total)],
        [
            _("Haettu maksatushakemuksilla kauden loppuun mennessä"),
            format_eur(summary.money.claimed_total),
        ],
    ]
    pdf.grid([_("Erä"), _("Euroa")], money_rows, widths=[140, 40])
    pdf.heading(_("Työllisyysalueen määräraha (ei hankkeen budjettia)"))
    if summary.money.finance:
        pdf.grid(
            [_("Erä"), _("Euroa")],
            [[label, format_eur(value)] for label, value in summary.money.finance.items()],
            widths=[140, 40],
        )
    else:
        pdf.paragraph(
            _("Talouden seurannan (määrärahat, sitoumukset, maksut) tietoja ei ole vielä.")
        )

    pdf.heading(_("ESR+-yhteiset indikaattorit kaudella"))
    pdf.paragraph(indicator_rule_note())
    indicator_grid(pdf, list(protected.values()))
    return pdf.render()


def partner_activity_xlsx(summary: PartnerActivitySummary, start: date, end: date) -> bytes:
    """One organisation's activity for its own reporting."""
    wb = Workbook()
    bold = Font(bold=True)
    sheet = wb.active
    assert sheet is not None
    sheet.title = _("Yhteistyö")[:31]
    kind_labels = dict(ActivityEntry.Kind.choices)
    sheet.append([_("Organisaatio"), summary.organisation_label])
    sheet.append([_("Kausi"), f"{format_date(start)}–{format_date(end)}"])
    sheet.append([])
    sheet.append(
        [_("Päivä"), _("Laji"), _("Otsikko"), _("Osallistujat"), _("Yritykset"), _("Ohjattuja")]
    )
    header_row = sheet.max_row
    for entry in summary.entries:
        sheet.append(
            [
                entry.date,
                str(kind_labels[entry.kind]),
                safe_cell(entry.title),
                safe_cell(
                    ", ".join(
                        f"{p.name} ({p.organisation or _('työllisyysalue')})"
                        for p in entry.participants.all()
                    )
                ),
                safe_cell(", ".join(c.name for c in entry.companies.all())),
                entry.referred_count or None,
            ]
        )
        sheet.cell(row=sheet.max_row, column=1).number_format = "d.m.yyyy"
    for cell in sheet[header_row]:
        cell.font = bold
    sheet["A1"].font = bold
    sheet["A2"].font = bold
    for column, width in zip("ABCDEF", (12, 22, 40, 50, 40, 12), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

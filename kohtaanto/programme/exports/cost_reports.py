"""The payment claim (cost report) as PDF and Excel, with its annexes: the signed time sheets and
the participant list."""

import io
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.programme.exports.common import (
    EUR_FORMAT,
    ReportPDF,
    format_date,
    format_eur,
    format_hours,
    indicator_grid,
    indicator_headers,
    indicator_rule_note,
    money_triplet,
)
from kohtaanto.programme.exports.participants import (
    participant_value,
)
from kohtaanto.programme.indicators import BY_CODE
from kohtaanto.programme.models import SalaryModel


def _staff_header() -> list[str]:
    """The staff cost table's columns; "Tehtävä" is the person's job title here."""
    return [
        _("Henkilö"),
        pgettext("job title", "Tehtävä"),
        _("Palkkamalli"),
        _("Tunnit"),
        _("Kustannus"),
    ]


def cost_report_pdf(report: Any, figures: dict[str, Any], annex: Any = None) -> bytes:
    """The payment claim: staff costs, the flat rate, totals against the budget, the
    period's indicators and the progress narrative; its annexes: the signed time sheets and,
    when given, the participant list (`selectors.claim_participant_annex`)."""
    op, period = figures["operation"], figures["period"]
    pdf = ReportPDF(_("Maksatushakemus: %(operation)s") % {"operation": op["name"]})
    status = (
        _("Lähetetty %(when)s") % {"when": format_date(timezone.localdate(report.submitted_at))}
        if report.is_locked and report.submitted_at
        else _("Luonnos – ei lähetetty")
    )
    facts = [
        (_("Hanke"), op["code"]),
        (_("Rahoittaja"), op["funder"] or "–"),
        (
            _("Maksatuskausi"),
            f"{period['number']}: {format_date(period['start'])}–{format_date(period['end'])}",
        ),
        (_("Versio"), str(figures["version"])),
        (_("Tila"), status),
    ]
    if figures.get("previous_version"):
        facts.append((_("Korjaa versiota"), str(figures["previous_version"])))
    pdf.facts(facts)

    pdf.heading(_("Henkilöstökulut"))
    model_labels = dict(SalaryModel.choices)
    pdf.grid(
        _staff_header(),
        [
            [
                s["name"],
                s["title"],
                str(model_labels.get(s["salary_model"], s["salary_model"])),
                format_hours(s["hours"]),
                format_eur(s["cost"]),
            ]
            for s in figures["staff"]
        ]
        or [["–", "", "", "", ""]],
        widths=[40, 40, 50, 20, 30],
        numeric_from=3,
    )
    pdf.grid(
        [_("Kustannuslaji"), _("Euroa")],
        [
            [_("Henkilöstökulut yhteensä"), format_eur(figures["staff_total"])],
            [
                _("Muut kulut: kiinteä %(percent)s %% henkilöstökuluista (CPR 56 art. 1 kohta)")
                % {"percent": formats.number_format(Decimal(figures["flat_rate_percent"]), 0)},
                format_eur(figures["flat_rate"]),
            ],
            [_("Kustannukset yhteensä"), format_eur(figures["total"])],
        ],
        widths=[140, 40],
    )

    pdf.heading(_("Kustannukset suhteessa budjettiin"))
    this_claim = {
        "staff": figures["staff_total"],
        "flat_rate": figures["flat_rate"],
        "total": figures["total"],
    }
    pdf.grid(
        ["", _("Henkilöstökulut"), _("Muut kulut"), _("Yhteensä")],
        [
            [_("Kauden budjetti"), *money_triplet(figures["budget_period"])],
            [_("Tämä hakemus"), *money_triplet(this_claim)],
            [_("Aiemmin haettu"), *money_triplet(figures["claimed_before"])],
            [_("Haettu yhteensä"), *money_triplet(figures["cumulative"])],
            [_("Koko hankkeen budjetti"), *money_triplet(figures["budget_operation"])],
            [_("Budjettia jäljellä"), *money_triplet(figures["remaining"])],
        ],
        widths=[54, 42, 42, 42],
    )

    pdf.heading(_("ESR+-yhteiset indikaattorit kaudella"))
    pdf.paragraph(indicator_rule_note())
    indicator_grid(pdf, figures["indicators"])
    if figures.get("indicators_cumulative"):
        pdf.heading(_("ESR+-yhteiset indikaattorit kumulatiivisesti hankkeen alusta"))
        indicator_grid(pdf, figures["indicators_cumulative"])

    pdf.heading(_("Edistymisen kuvaus"))
    pdf.paragraph(figures.get("narrative", "") or report.narrative)

    pdf.heading(_("Liite: tuntikirjanpidot"))
    pdf.grid(
        [
            _("Henkilö"),
            _("Kuukausi"),
            _("Hanketunnit"),
            _("Muut työtunnit"),
            _("Työntekijä"),
            _("Esihenkilö"),
        ],
        [_time_sheet_cells(s, for_pdf=True) for s in figures.get("time_sheets", [])]
        or [["–", "", "", "", "", ""]],
        widths=[46, 24, 28, 28, 24, 30],
        numeric_from=2,
    )
    if annex is not None:
        pdf.heading(_("Liite: osallistujaluettelo"))
        pdf.paragraph(str(ANNEX_NOTE))
        pdf.grid(
            [str(c.label) for c in annex.columns],
            [
                [str(participant_value(c, row[c.key], for_csv=True)) for c in annex.columns]
                for row in annex.rows
            ]
            or [["–"] + [""] * (len(annex.columns) - 1)],
            widths=_annex_widths(annex),
            numeric_from=len(annex.columns),
        )
    return pdf.render()


# The participant list's note: which rule puts each person in the period (README "ESF+
# indicators"), and why special-category items are not in it.
ANNEX_NOTE = gettext_lazy(
    "Osallistujat, jotka kauden indikaattoritaulukko laskee: tuotokset aloituspäivän, "
    "välittömät tulokset päättymispäivän ja pidemmän aikavälin tulokset päättymispäivä + "
    "6 kuukautta mukaan. Erityisiin henkilötietoryhmiin kuuluvat tiedot (EECO12, EECO15) "
    "ovat vain koontitaulukossa."
)


def _annex_widths(annex: Any) -> list[int]:
    widths = {
        "participation_id": 24,
        "identity_code": 28,
        "gender": 22,
        "entry_date": 28,  # "Päättymispäivä" fits on one line
        "exit_date": 28,
        "counted": 52,
    }
    return [widths[c.key] for c in annex.columns]


def _time_sheet_cells(s: dict[str, Any], *, for_pdf: bool) -> list[Any]:
    yes, no = _("Kyllä"), _("Ei")
    month = date.fromisoformat(s["month"])
    return [
        s["name"] if for_pdf else safe_cell(s["name"]),
        f"{month.month}/{month.year}" if for_pdf else month,
        format_hours(s["project_hours"]) if for_pdf else Decimal(s["project_hours"]),
        format_hours(s["other_hours"]) if for_pdf else Decimal(s["other_hours"]),
        yes if s["employee_signed"] else no,
        yes if s["supervisor_signed"] else no,
    ]


def cost_report_xlsx(report: Any, figures: dict[str, Any], annex: Any = None) -> bytes:
    """The same claim as a workbook: summary, staff costs and indicators on their own sheets,
    the time sheets and (when given) the participant list as annex sheets. Money cells are
    numbers with two decimals; every text cell a person typed goes through `safe_cell`."""
    wb = Workbook()
    bold = Font(bold=True)
    summary = wb.active
    assert summary is not None
    summary.title = _("Yhteenveto")[:31]
    op, period = figures["operation"], figures["period"]
    rows: list[list[Any]] = [
        [_("Maksatushakemus"), op["name"]],
        [_("Hanke"), op["code"]],
        [_("Rahoittaja"), op["funder"]],
        [_("Maksatuskausi"), period["number"]],
        [_("Alkaa"), date.fromisoformat(period["start"])],
        [_("Päättyy"), date.fromisoformat(period["end"])],
        [_("Versio"), figures["version"]],
        [_("Korjaa versiota"), figures.get("previous_version") or ""],
        [_("Tila"), _("Lähetetty") if report.is_locked else _("Luonnos")],
        [],
        [_("Henkilöstökulut yhteensä"), Decimal(figures["staff_total"])],
        [_("Kiinteä prosenttiosuus (%)"), Decimal(figures["flat_rate_percent"])],
        [_("Muut kulut (kiinteä osuus)"), Decimal(figures["flat_rate"])],
        [
            _("Osallistujien palkat ja korvaukset (CPR 56 art. 2 kohta)"),
            Decimal(figures.get("participant_costs", "0")),
        ],
        [_("Kustannukset yhteensä"), Decimal(figures["total"])],
        [],
        ["", _("Henkilöstökulut"), _("Muut kulut"), _("Yhteensä")],
    ]
    for label, key in (
        (_("Kauden budjetti"), "budget_period"),
        (_("Aiemmin haettu"), "claimed_before"),
        (_("Haettu yhteensä"), "cumulative"),
        (_("Koko hankkeen budjetti"), "budget_operation"),
        (_("Budjettia jäljellä"), "remaining"),
    ):
        values = figures[key]
        rows.append(
            [
                label,
                Decimal(values["staff"]),
                Decimal(values["flat_rate"]),
                Decimal(values["total"]),
            ]
        )
    for row in rows:
        summary.append(row)
    for row_cells in summary.iter_rows():
        row_cells[0].font = bold
        for cell in row_cells[1:]:
            if isinstance(cell.value, Decimal | float):
                cell.number_format = EUR_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = "d.m.yyyy"
    summary.column_dimensions["A"].width = 34
    for column in "BCD":
        summary.column_dimensions[column].width = 18

    staff = wb.create_sheet(_("Henkilöstökulut")[:31])
    staff.append(_staff_header())
    for s in figures["staff"]:
        staff.append(
            [
                safe_cell(s["name"]),
                safe_cell(s["title"]),
                str(SalaryModel(s["salary_model"]).label),
                Decimal(s["hours"]),
                Decimal(s["cost"]),
            ]
        )
    for cell in staff[1]:
        cell.font = bold
    for row_cells in staff.iter_rows(min_row=2):
        row_cells[3].number_format = "0.00"
        row_cells[4].number_format = EUR_FORMAT

    for title, key in (
        (_("Indikaattorit"), "indicators"),
        (_("Indikaattorit kumulatiivisesti"), "indicators_cumulative"),
    ):
        if key not in figures:
            continue
        sheet = wb.create_sheet(title[:31])
        sheet.append(indicator_headers())
        for r in figures[key]:
            sheet.append(
                [
                    r["code"],
                    str(BY_CODE[r["code"]].label),
                    r["women"],
                    r["men"],
                    r["non_binary"],
                    r["total"],
                ]
            )
        for cell in sheet[1]:
            cell.font = bold
        sheet.column_dimensions["B"].width = 60

    # The annex: each person's signed monthly time sheets (all hours worked, project and
    # other work, signed by the employee and the supervisor).
    sheets = wb.create_sheet(_("Tuntikirjanpidot")[:31])
    sheets.append(
        [
            _("Henkilö"),
            _("Kuukausi"),
            _("Hanketunnit"),
            _("Muut työtunnit"),
            _("Työntekijä allekirjoittanut"),
            _("Esihenkilö allekirjoittanut"),
        ]
    )
    for s in figures.get("time_sheets", []):
        sheets.append(_time_sheet_cells(s, for_pdf=False))
    for cell in sheets[1]:
        cell.font = bold
    for row_cells in sheets.iter_rows(min_row=2):
        row_cells[1].number_format = "m/yyyy"
        row_cells[2].number_format = row_cells[3].number_format = "0.00"

    if annex is not None:
        people = wb.create_sheet(_("Osallistujaluettelo")[:31])
        people.append([str(c.label) for c in annex.columns])
        for row in annex.rows:
            people.append(
                [safe_cell(participant_value(c, row[c.key], for_csv=False)) for c in annex.columns]
            )
        for cell in people[1]:
            cell.font = bold
        for cells in people.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = "d.m.yyyy"

    narrative = wb.create_sheet(_("Edistyminen")[:31])
    narrative.append([_("Edistymisen kuvaus")])
    narrative.append([safe_cell(figures.get("narrative", "") or report.narrative)])
    narrative["A1"].font = bold
    narrative.column_dimensions["A"].width = 100

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

"""Files for the funder, the lead partner and the steering group: PDF (fpdf2), Excel
(openpyxl), CSV and JSON. They render figures computed by the selectors; nothing is computed
here.

PDFs embed DejaVu Sans (fonts/, Bitstream Vera licence) so that every Finnish and Swedish
character — and the euro sign — prints whatever fonts the server has.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace
from openpyxl import Workbook
from openpyxl.styles import Font

from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.programme.disclosure import protect_records, shown
from kohtaanto.programme.indicators import BY_CODE, CountedRow
from kohtaanto.programme.models import ActivityEntry, SalaryModel
from kohtaanto.programme.selectors import PartnerActivitySummary, SteeringSummary

FONT_DIR = Path(__file__).resolve().parent / "fonts"
EUR_FORMAT = "#,##0.00"
CSV_COLUMNS = ["code", "name", "women", "men", "non_binary", "total"]


def format_eur(value: Decimal | str) -> str:
    """Money as the active language writes it, two decimals, with the euro sign."""
    return formats.number_format(Decimal(value), 2, use_l10n=True, force_grouping=True) + " €"


def format_hours(value: Decimal | str) -> str:
    return formats.number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)


def format_date(value: date | str) -> str:
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day}.{day.month}.{day.year}"


def indicator_rule_note() -> str:
    return _(
        "Tuotosindikaattorit (EECO01–EECO17) aloituspäivän mukaan; välittömät tulokset "
        "(EECR01–EECR04) päättymispäivän mukaan, kun tulos on saavutettu neljän viikon "
        "kuluessa päättymisestä; pidemmän aikavälin tulokset (EECR05–EECR06) kuuden "
        "kuukauden kuluttua päättymisestä (asetus (EU) 2021/1057, liite I)."
    )


def indicator_headers() -> list[str]:
    """The indicator table's column names in the reader's language."""
    return [_("Koodi"), _("Indikaattori"), _("Naiset"), _("Miehet"), _("Muu"), _("Yhteensä")]


def _count(value: int | None) -> str:
    return "–" if value is None else str(value)


# --- CSV and JSON of the indicators -------------------------------------------------------


def indicator_records(table: Iterable[CountedRow]) -> list[dict[str, Any]]:
    """One record per indicator with the Regulation's English name; gender columns are
    empty (None) for the entity indicators, which are not broken down by gender."""
    return [
        {
            "code": row.code,
            "name": row.indicator.name_en,
            "women": row.women,
            "men": row.men,
            "non_binary": row.non_binary,
            "total": row.total,
        }
        for row in table
    ]


def indicators_csv(table: Iterable[CountedRow]) -> str:
    return indicator_records_csv(indicator_records(table))


def indicator_records_csv(records: Iterable[dict[str, Any]]) -> str:
    """Indicator records as CSV (code, name, women, men, non_binary, total); a suppressed
    count is written as "< 5"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(["" if record[c] is None else record[c] for c in CSV_COLUMNS])
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------------


class ReportPDF(FPDF):
    """A4 portrait with DejaVu Sans, a title line and page numbers."""

    FONT = "DejaVu"

    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report_title = title
        self.add_font(self.FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(self.FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_title(title)
        self.set_creator("Kohtaanto")
        self.set_auto_page_break(auto=True, margin=15)
        self.add_page()
        self.set_font(self.FONT, "B", 15)
        self.multi_cell(0, 8, title, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.FONT, "", 8)
        self.cell(
            0,
            6,
            _("Sivu %(page)s · tulostettu %(date)s")
            % {"page": self.page_no(), "date": format_date(timezone.localdate())},
            align="R",
        )

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(self.FONT, "B", 12)
        self.multi_cell(0, 7, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.FONT, "", 9)

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.set_font(self.FONT, "", 9)
        for label, value in pairs:
            self.set_font(self.FONT, "B", 9)
            self.cell(55, 5.5, label)
            self.set_font(self.FONT, "", 9)
            self.multi_cell(0, 5.5, value, align="L", new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str) -> None:
        self.set_font(self.FONT, "", 9)
        self.multi_cell(0, 5, text or "–", align="L", new_x="LMARGIN", new_y="NEXT")

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[int],
        numeric_from: int = 1,
    ) -> None:
        """A table; columns from `numeric_from` on are right-aligned figures."""
        self.set_font(self.FONT, "", 8.5)
        align = ["LEFT" if i < numeric_from else "RIGHT" for i in range(len(header))]
        with self.table(
            col_widths=widths,
            text_align=align,
            headings_style=FontFace(emphasis="BOLD", fill_color=(238, 241, 245)),
            line_height=5,
            padding=1,
        ) as table:
            table.row(list(header))
            for values in rows:
                table.row(list(values))

    def render(self) -> bytes:
        return bytes(self.output())


def _indicator_grid(pdf: ReportPDF, records: Iterable[dict[str, Any]]) -> None:
    pdf.grid(
        indicator_headers(),
        [
            [
                r["code"],
                str(BY_CODE[r["code"]].label),
                _count(r["women"]),
                _count(r["men"]),
                _count(r["non_binary"]),
                str(r["total"]),
            ]
            for r in records
        ],
        widths=[16, 104, 16, 16, 14, 18],
        numeric_from=2,
    )


def _money_triplet(figures: dict[str, str]) -> list[str]:
    return [
        format_eur(figures["staff"]),
        format_eur(figures["flat_rate"]),
        format_eur(figures["total"]),
    ]


def cost_report_pdf(report: Any, figures: dict[str, Any]) -> bytes:
    """The payment claim: staff costs, the flat rate, totals against the budget, the
    period's indicators and the progress narrative."""
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
        [_("Henkilö"), _("Tehtävä"), _("Palkkamalli"), _("Tunnit"), _("Kustannus")],
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
            [_("Kauden budjetti"), *_money_triplet(figures["budget_period"])],
            [_("Tämä hakemus"), *_money_triplet(this_claim)],
            [_("Aiemmin haettu"), *_money_triplet(figures["claimed_before"])],
            [_("Haettu yhteensä"), *_money_triplet(figures["cumulative"])],
            [_("Koko hankkeen budjetti"), *_money_triplet(figures["budget_operation"])],
            [_("Budjettia jäljellä"), *_money_triplet(figures["remaining"])],
        ],
        widths=[54, 42, 42, 42],
    )

    pdf.heading(_("ESR+-yhteiset indikaattorit kaudella"))
    pdf.paragraph(indicator_rule_note())
    _indicator_grid(pdf, figures["indicators"])
    if figures.get("indicators_cumulative"):
        pdf.heading(_("ESR+-yhteiset indikaattorit kumulatiivisesti hankkeen alusta"))
        _indicator_grid(pdf, figures["indicators_cumulative"])

    pdf.heading(_("Edistymisen kuvaus"))
    pdf.paragraph(figures.get("narrative", "") or report.narrative)
    return pdf.render()


def cost_report_xlsx(report: Any, figures: dict[str, Any]) -> bytes:
    """The same claim as a workbook: summary, staff costs and indicators on their own sheets.
    Money cells are numbers with two decimals."""
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
    staff.append([_("Henkilö"), _("Tehtävä"), _("Palkkamalli"), _("Tunnit"), _("Kustannus")])
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
        sheets.append(
            [
                safe_cell(s["name"]),
                date.fromisoformat(s["month"]),
                Decimal(s["project_hours"]),
                Decimal(s["other_hours"]),
                _("Kyllä") if s["employee_signed"] else _("Ei"),
                _("Kyllä") if s["supervisor_signed"] else _("Ei"),
            ]
        )
    for cell in sheets[1]:
        cell.font = bold
    for row_cells in sheets.iter_rows(min_row=2):
        row_cells[1].number_format = "m/yyyy"
        row_cells[2].number_format = row_cells[3].number_format = "0.00"

    narrative = wb.create_sheet(_("Edistyminen")[:31])
    narrative.append([_("Edistymisen kuvaus")])
    narrative.append([safe_cell(figures.get("narrative", "") or report.narrative)])
    narrative["A1"].font = bold
    narrative.column_dimensions["A"].width = 100

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


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
    _indicator_grid(pdf, list(protected.values()))
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


# --- Participant-level list (lead partner, EURA 2021) -------------------------------------


def _participant_value(column: Any, value: Any, *, for_csv: bool) -> Any:
    """A cell as a person reads it: labels in the reader's language, never raw codes."""
    from kohtaanto.jobseekers.models import Answer, Gender, LabourMarketStatus

    if value is None or value == "":
        return ""
    if column.kind == "date":
        return format_date(value) if for_csv else value
    if column.kind == "bool":
        return _("Kyllä") if value else _("Ei")
    if column.kind == "answer":
        return str(dict(Answer.choices).get(value, value))
    if column.kind == "choice":
        labels = dict(Gender.choices) | dict(LabourMarketStatus.choices)
        return str(labels.get(value, value))
    return safe_cell(value) if isinstance(value, str) else value


def participant_export_xlsx(export: Any) -> bytes:
    """The participant list as a workbook: one row per participation, headers in the
    reader's language, dates as dates, every text cell through `safe_cell`."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = _("Osallistujat")[:31]
    sheet.append([str(c.label) for c in export.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in export.rows:
        sheet.append(
            [safe_cell(_participant_value(c, row[c.key], for_csv=False)) for c in export.columns]
        )
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "d.m.yyyy"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def participant_export_csv(export: Any) -> bytes:
    """The participant list as CSV for Finnish Excel: semicolons, a byte-order mark, dates
    as d.m.yyyy, labels in the reader's language."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(c.label) for c in export.columns])
    for row in export.rows:
        writer.writerow(
            [safe_cell(_participant_value(c, row[c.key], for_csv=True)) for c in export.columns]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")

"""The year's appropriations, commitments, entries and decisions as an Excel workbook."""

from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.finance import selectors

EUR_FORMAT = '#,##0.00 "€"'


def _append(sheet: Worksheet, row: list[Any]) -> None:
    """One row, every text cell written as text, never as a formula (common.spreadsheets)."""
    sheet.append([safe_cell(value) for value in row])


def _sheet(workbook: Workbook, title: str, headers: list[str], first: bool = False) -> Worksheet:
    sheet = workbook.active if first else workbook.create_sheet()
    assert sheet is not None
    sheet.title = title[:31]
    _append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return sheet


def _finish(sheet: Worksheet, money_columns: list[int]) -> None:
    for row in sheet.iter_rows(min_row=2):
        for index in money_columns:
            row[index].number_format = EUR_FORMAT
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)


def year_workbook(*, actor: Any, year: int) -> bytes:
    """Summary, commitments, ledger entries and appropriation decisions of one year.

    Amounts are numbers (not text) so that the funder's and the area's own sheets can sum them.
    """
    workbook = Workbook()
    summary = selectors.year_summary(actor=actor, year=year)
    sheet = _sheet(
        workbook,
        _("Yhteenveto %(year)s") % {"year": year},
        [
            _("Budjettirivi"),
            _("Määräraha"),
            _("Varattu"),
            _("Sidottu"),
            _("Maksettu"),
            _("Maksamatta"),
            _("Vapaana"),
        ],
        first=True,
    )
    for line in summary.lines:
        for appropriation, b in line.rows:
            _append(
                sheet,
                [
                    line.line.name,
                    appropriation.name,
                    b.amount,
                    b.committed,
                    b.paid,
                    b.unpaid,
                    b.available,
                ],
            )
    t = summary.total
    _append(sheet, [_("Yhteensä"), "", t.amount, t.committed, t.paid, t.unpaid, t.available])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    _finish(sheet, [2, 3, 4, 5, 6])

    sheet = _sheet(
        workbook,
        _("Sitoumukset"),
        [
            _("Tunniste"),
            _("Määräraha"),
            _("Kuvaus"),
            _("Lähde"),
            _("Lähteen tunniste"),
            _("Sidottu"),
            _("Maksettu"),
            _("Maksamatta"),
        ],
    )
    for c in selectors.commitment_list(actor=actor, year=year):
        _append(
            sheet,
            [
                c.pk,
                c.appropriation.name,
                c.description,
                c.get_source_type_display(),
                c.source_id,
                c.committed,
                c.paid,
                c.unpaid,
            ],
        )
    _finish(sheet, [5, 6, 7])

    sheet = _sheet(
        workbook,
        _("Kirjaukset"),
        [
            _("Tunniste"),
            _("Kirjauspäivä"),
            _("Määräraha"),
            _("Sitoumus"),
            _("Laji"),
            _("Syy"),
            _("Summa"),
            _("Sidottu muutos"),
            _("Maksettu muutos"),
            _("Viite"),
            _("Selite"),
            _("Kirjaaja"),
            _("Oikaisee kirjauksen"),
        ],
    )
    for e in selectors.ledger_entry_list(actor=actor, year=year):
        _append(
            sheet,
            [
                e.pk,
                e.booked_on,
                e.appropriation.name,
                e.commitment_id,
                e.get_kind_display(),
                e.get_reason_display() if e.reason else "",
                e.amount,
                e.committed_delta,
                e.paid_delta,
                e.reference,
                e.description,
                e.created_by.get_username() if e.created_by else "",
                e.reverses_id,
            ],
        )
    for row in sheet.iter_rows(min_row=2):
        row[1].number_format = "DD.MM.YYYY"
    _finish(sheet, [6, 7, 8])

    sheet = _sheet(
        workbook,
        _("Määrärahapäätökset"),
        [_("Määräraha"), _("Laji"), _("Summa"), _("Päättäjä"), _("Päätöspäivä"), _("Viite")],
    )
    for d in selectors.appropriation_decisions_of_year(actor=actor, year=year):
        _append(
            sheet,
            [
                d.appropriation.name,
                d.get_kind_display(),
                d.amount,
                d.decided_by,
                d.decided_on,
                d.reference,
            ],
        )
    for row in sheet.iter_rows(min_row=2):
        row[4].number_format = "DD.MM.YYYY"
    _finish(sheet, [2])

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""The training report as an Excel workbook (one sheet per programme and per provider).

Names typed by users go through `safe_cell`, so that none is opened as a formula."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.training.selectors import ReportRow, TrainingReport


def _rate(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def report_workbook(report: TrainingReport) -> bytes:
    book = Workbook()
    header = [
        _("Koulutus"),
        _("Järjestäjä"),
        _("Osallistujia"),
        _("Suorittaneita"),
        _("Keskeyttäneitä"),
        _("Suoritusaste"),
        _("Tilanne kirjattu"),
        _("Työllistyneitä"),
        _("Työllistymisaste"),
        _("Kustannus (€)"),
        _("Kustannus / työllistynyt (€)"),
    ]

    def write(sheet: object, rows: list[ReportRow]) -> None:
        sheet.append(header)  # type: ignore[attr-defined]
        for row in rows:
            sheet.append(  # type: ignore[attr-defined]
                [
                    safe_cell(row.name),
                    safe_cell(row.provider),
                    row.enrolled,
                    row.completed,
                    row.interrupted,
                    _rate(row.completion_rate),
                    row.outcomes,
                    row.employed,
                    _rate(row.placement_rate),
                    row.cost,
                    row.cost_per_placement,
                ]
            )

    first = book.active
    assert first is not None
    first.title = _("Koulutukset")
    write(first, [*report.programmes, report.total])
    write(book.create_sheet(_("Järjestäjät")), report.providers)
    out = BytesIO()
    book.save(out)
    return out.getvalue()

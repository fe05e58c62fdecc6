"""The participant-level list for the lead partner and EURA 2021 (Excel, CSV)."""

import csv
import io
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.programme.exports.common import (
    format_date,
)


def participant_value(column: Any, value: Any, *, for_csv: bool) -> Any:
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
            [safe_cell(participant_value(c, row[c.key], for_csv=False)) for c in export.columns]
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
            [safe_cell(participant_value(c, row[c.key], for_csv=True)) for c in export.columns]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")

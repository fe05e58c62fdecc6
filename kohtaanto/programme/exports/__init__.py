"""Files for the funder, the lead partner and the steering group: PDF (fpdf2), Excel
(openpyxl), CSV and JSON. They render figures computed by the selectors; nothing is computed
here.

PDFs embed DejaVu Sans (fonts/, Bitstream Vera licence) so that every Finnish and Swedish
character — and the euro sign — prints whatever fonts the server has.

Split by file: `common` (formats, the PDF page), `indicators`, `cost_reports`, `reports`
(steering group, partner activity) and `participants`; the names are re-exported here.
"""

from kohtaanto.programme.exports.common import (
    CSV_COLUMNS,
    EUR_FORMAT,
    FONT_DIR,
    ReportPDF,
    count_cell,
    format_date,
    format_eur,
    format_hours,
    indicator_grid,
    indicator_headers,
    indicator_rule_note,
    money_triplet,
)
from kohtaanto.programme.exports.cost_reports import (
    ANNEX_NOTE,
    cost_report_pdf,
    cost_report_xlsx,
)
from kohtaanto.programme.exports.indicators import (
    indicator_records,
    indicator_records_csv,
    indicators_csv,
)
from kohtaanto.programme.exports.participants import (
    participant_export_csv,
    participant_export_xlsx,
    participant_value,
)
from kohtaanto.programme.exports.reports import (
    partner_activity_xlsx,
    steering_report_pdf,
)

__all__ = [
    "ANNEX_NOTE",
    "CSV_COLUMNS",
    "EUR_FORMAT",
    "FONT_DIR",
    "ReportPDF",
    "cost_report_pdf",
    "cost_report_xlsx",
    "count_cell",
    "format_date",
    "format_eur",
    "format_hours",
    "indicator_grid",
    "indicator_headers",
    "indicator_records",
    "indicator_records_csv",
    "indicator_rule_note",
    "indicators_csv",
    "money_triplet",
    "participant_export_csv",
    "participant_export_xlsx",
    "participant_value",
    "partner_activity_xlsx",
    "steering_report_pdf",
]

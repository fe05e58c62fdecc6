"""Shared pieces of the files: number and date formats, the indicator headers and rule note, and
the PDF page (A4, DejaVu Sans, title and page numbers)."""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from kohtaanto.common import money
from kohtaanto.programme.indicators import BY_CODE

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
EUR_FORMAT = "#,##0.00"
CSV_COLUMNS = ["code", "name", "women", "men", "non_binary", "total"]


def format_eur(value: Decimal | str) -> str:
    """Money as the active language writes it (common.money: fi/sv "1 234,50 €", en "€1,234.50")."""
    return money.format_eur(Decimal(value))


def format_hours(value: Decimal | str) -> str:
    """Hours with two decimals in the active language ("1 234,50" / "1,234.50")."""
    return money.format_decimal(Decimal(value), places=2)


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


def count_cell(value: int | None) -> str:
    return "–" if value is None else str(value)


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


def indicator_grid(pdf: ReportPDF, records: Iterable[dict[str, Any]]) -> None:
    pdf.grid(
        indicator_headers(),
        [
            [
                r["code"],
                str(BY_CODE[r["code"]].label),
                count_cell(r["women"]),
                count_cell(r["men"]),
                count_cell(r["non_binary"]),
                str(r["total"]),
            ]
            for r in records
        ],
        widths=[16, 104, 16, 16, 14, 18],
        numeric_from=2,
    )


def money_triplet(figures: dict[str, str]) -> list[str]:
    return [
        format_eur(figures["staff"]),
        format_eur(figures["flat_rate"]),
        format_eur(figures["total"]),
    ]

"""Horizontal bar charts as plain geometry for an inline SVG (no script, no library).

Every chart is rendered together with a table of the same figures (`home/_chart.html`): the
table is what screen readers and printouts rely on, the bars are a picture of it. Coordinates
are strings with a decimal point: the template would localise a float ("153,5" in Finnish),
which SVG reads as two numbers.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

# Drawn at about its own size on a desktop and at three quarters on a 390 px phone, so the
# 13 px labels stay readable at both. Each row's label stands on its own line above its bars,
# so labels are shown whole (up to MAX_LABEL characters) rather than squeezed beside them.
WIDTH = 480
LABEL_HEIGHT = 18
VALUE_ROOM = 100
BAR_HEIGHT = 18
ROW_GAP = 8
TOP = 4
MAX_LABEL = 62

Number = int | Decimal


@dataclass(frozen=True)
class Bar:
    series: int
    x: str
    y: str
    width: str
    height: str
    text: str
    text_x: str
    text_y: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    short_label: str
    label_y: str
    cells: list[str]
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    series: list[str]
    row_header: str
    rows: list[ChartRow]
    width: int
    height: int
    label_x: int

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(
    *,
    key: str,
    title: str,
    row_header: str,
    series: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Number]]],
    fmt: Callable[[Number], str] = str,
) -> Chart:
    """Grouped horizontal bars: one group per row, one bar per series, all on one scale.

    A negative value (never expected of counts or money here) is drawn as an empty bar but
    shown as it is in the table and the bar's text.
    """
    top_value = max((float(v) for _, values in rows for v in values), default=0.0) or 1.0
    plot = WIDTH - VALUE_ROOM
    group = LABEL_HEIGHT + BAR_HEIGHT * len(series) + ROW_GAP
    chart_rows = []
    for r, (label, values) in enumerate(rows):
        y0 = TOP + r * group
        bars = []
        for s, value in enumerate(values):
            width = max(float(value), 0.0) / top_value * plot
            y = y0 + LABEL_HEIGHT + s * BAR_HEIGHT
            bars.append(
                Bar(
                    series=s + 1,
                    x="0",
                    y=f"{y + 1:.1f}",
                    width=f"{width:.1f}",
                    height=str(BAR_HEIGHT - 2),
                    text=fmt(value),
                    text_x=f"{width + 4:.1f}",
                    text_y=f"{y + BAR_HEIGHT - 4:.1f}",
                )
            )
        chart_rows.append(
            ChartRow(
                label=label,
                short_label=_short(label),
                label_y=f"{y0 + LABEL_HEIGHT - 5:.1f}",
                cells=[fmt(v) for v in values],
                bars=bars,
            )
        )
    return Chart(
        key=key,
        title=title,
        series=list(series),
        row_header=row_header,
        rows=chart_rows,
        width=WIDTH,
        height=TOP * 2 + group * len(rows),
        label_x=0,
    )

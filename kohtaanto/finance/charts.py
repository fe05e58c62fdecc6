"""The burn chart of a year as plain geometry for an inline SVG (no script, no library).

Coordinates are strings formatted here with a decimal point: the template would localise a
float ("153,5" in Finnish), which SVG reads as two numbers.
"""

from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.common.money import format_eur
from kohtaanto.finance.selectors import MonthPoint

# Narrow enough to be drawn at about nine tenths of its size on a 390 px phone, so the 12 px
# labels stay readable there; CSS caps it at 30rem on a desktop.
WIDTH, HEIGHT = 400, 280
LEFT, RIGHT, TOP, BOTTOM = 96, 16, 16, 40


@dataclass(frozen=True)
class Tick:
    position: str
    label: str


@dataclass(frozen=True)
class BurnChart:
    width: int
    height: int
    committed_points: str
    paid_points: str
    reserved_y: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    left: int
    right: int
    top: int
    bottom: int
    y_label_x: int
    x_label_y: int


def burn_chart(points: list[MonthPoint], *, reserved: Decimal) -> BurnChart:
    """Cumulative committed and paid at each month's end against the reserved amount."""
    top_value = max([reserved, *(p.committed for p in points), *(p.paid for p in points)])
    scale = float(top_value) or 1.0
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def x(month: int) -> str:
        return f"{LEFT + plot_w * (month - 0.5) / 12:.1f}"

    def y(value: Decimal) -> str:
        return f"{TOP + plot_h * (1 - float(value) / scale):.1f}"

    def polyline(values: list[Decimal]) -> str:
        return " ".join(f"{x(i + 1)},{y(v)}" for i, v in enumerate(values))

    return BurnChart(
        width=WIDTH,
        height=HEIGHT,
        committed_points=polyline([p.committed for p in points]),
        paid_points=polyline([p.paid for p in points]),
        reserved_y=y(reserved),
        x_ticks=[Tick(x(m), str(m)) for m in range(1, 13)],
        y_ticks=[
            Tick(y(top_value * Decimal(share) / 4), format_eur(top_value * Decimal(share) / 4))
            for share in range(5)
        ],
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        y_label_x=LEFT - 6,
        x_label_y=HEIGHT - BOTTOM + 18,
    )

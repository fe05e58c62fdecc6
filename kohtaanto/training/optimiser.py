"""The purchase optimiser: which programmes to buy, and how many seats, for the most expected
placements within the budget.

Model (a mixed-integer programme, solved with HiGHS through highspy):

    candidates i (programmes), gaps j (skills the region lacks, shortfall g_j people)
    x_i  integer seats bought, 0 ≤ x_i ≤ S_i          (seats offered)
    y_i  binary, 1 if the programme is bought           (m_i y_i ≤ x_i ≤ S_i y_i: minimum group)
    w_ij ≥ 0  expected placements of i's graduates into gap j, for each skill j that i teaches

    Σ_j w_ij ≤ r_i x_i      a graduate is placed at most once; r_i = expected placement rate
    Σ_i w_ij ≤ g_j          a gap closes at most once
    Σ_i c_i x_i ≤ B         budget (c_i = the area's cost per seat, price less employer share)
    Σ_{i∈k} c_i x_i ≤ C_k   for each provider k: what is left under its agreements' ceilings

    maximise Σ w_ij − ε Σ c_i x_i   (ε = 10⁻⁴ / B: of two plans with as many placements,
                                      the cheaper one; never trades away a placement)

The solver stops at proven optimality or within a relative gap of 0.5 % (`MIP_REL_GAP`).
"""

import os
import sys
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from kohtaanto.common.money import cents

MIP_REL_GAP = 0.005
TIME_LIMIT_S = 60.0
_BANNER_SHOWN = threading.Event()


def _highs() -> Any:
    """A silent HiGHS instance.

    The first instance in a process prints HiGHS's copyright banner on the C library's
    standard output, which would spoil `training-plan --format json`: that one is made with
    file descriptor 1 pointed at /dev/null.
    """
    import highspy

    if not _BANNER_SHOWN.is_set():
        sys.stdout.flush()
        saved = os.dup(1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)
        _BANNER_SHOWN.set()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    return h


@dataclass(frozen=True)
class Candidate:
    key: int
    provider: int
    cost_per_seat: Decimal
    max_seats: int
    min_group: int
    concept_ids: tuple[int, ...]
    placement_rate: float


@dataclass(frozen=True)
class Purchase:
    key: int
    seats: int
    cost: Decimal
    expected_placements: float
    gaps_closed: dict[int, float]  # concept id → expected placements into that gap

    @property
    def placements_per_keur(self) -> float:
        return self.expected_placements / float(self.cost) * 1000 if self.cost else 0.0


@dataclass
class Solution:
    status: str  # "optimal", "gap" (within MIP_REL_GAP), "time_limit", "infeasible", "empty"
    purchases: list[Purchase] = field(default_factory=list)
    expected_placements: float = 0.0
    cost: Decimal = Decimal("0.00")
    mip_gap: float = 0.0
    seconds: float = 0.0


# A constraint row: its columns, their coefficients, and the row's lower and upper bound.
Row = tuple[list[int], list[float], float, float]


def _useful(candidates: Sequence[Candidate], shortfalls: dict[int, float]) -> list[Candidate]:
    """Candidates that can be bought at all and teach at least one skill still short."""
    return [
        c
        for c in candidates
        if c.max_seats >= max(c.min_group, 1)
        and c.cost_per_seat > 0
        and any(shortfalls.get(j, 0) > 0 for j in c.concept_ids)
    ]


def _rows(
    useful: list[Candidate],
    pairs: list[tuple[int, int]],
    shortfalls: dict[int, float],
    budget: Decimal,
    provider_limits: dict[int, Decimal],
) -> list[Row]:
    """The constraints of the module docstring, in the column layout of `solve`."""
    n = len(useful)
    costs = [float(c.cost_per_seat) for c in useful]
    rows: list[Row] = []
    for i, c in enumerate(useful):
        rows.append(([i, n + i], [1.0, -float(c.max_seats)], -np.inf, 0.0))
        rows.append(([i, n + i], [1.0, -float(max(c.min_group, 1))], 0.0, np.inf))
    by_candidate: dict[int, list[int]] = defaultdict(list)
    by_gap: dict[int, list[int]] = defaultdict(list)
    for k, (i, j) in enumerate(pairs):
        by_candidate[i].append(2 * n + k)
        by_gap[j].append(2 * n + k)
    for i, cols in by_candidate.items():
        rows.append(([*cols, i], [1.0] * len(cols) + [-useful[i].placement_rate], -np.inf, 0.0))
    for j, cols in by_gap.items():
        rows.append((cols, [1.0] * len(cols), -np.inf, float(shortfalls[j])))
    rows.append((list(range(n)), costs, -np.inf, float(budget)))
    by_provider: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(useful):
        by_provider[c.provider].append(i)
    for provider, members in by_provider.items():
        if provider in provider_limits:
            rows.append(
                (members, [costs[i] for i in members], -np.inf, float(provider_limits[provider]))
            )
    return rows


def _lp(useful: list[Candidate], n_pairs: int, rows: list[Row], budget: Decimal) -> Any:
    """The HiGHS model: the columns' costs, bounds and integrality, the rows as a row-wise
    sparse matrix."""
    import highspy

    n = len(useful)
    n_cols = 2 * n + n_pairs
    col_cost = np.zeros(n_cols)
    col_cost[:n] = 1e-4 / float(budget) * np.array([float(c.cost_per_seat) for c in useful])
    col_cost[2 * n :] = -1.0  # HiGHS minimises
    col_upper = np.full(n_cols, np.inf)
    col_upper[:n] = [c.max_seats for c in useful]
    col_upper[n : 2 * n] = 1.0
    lp = highspy.HighsLp()
    lp.num_col_ = n_cols
    lp.num_row_ = len(rows)
    lp.col_cost_ = col_cost
    lp.col_lower_ = np.zeros(n_cols)
    lp.col_upper_ = col_upper
    lp.row_lower_ = np.array([r[2] for r in rows])
    lp.row_upper_ = np.array([r[3] for r in rows])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    starts = [0]
    index: list[int] = []
    value: list[float] = []
    for cols, coefs, _, _ in rows:
        index.extend(cols)
        value.extend(coefs)
        starts.append(len(index))
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    lp.a_matrix_.num_col_ = n_cols
    lp.a_matrix_.num_row_ = len(rows)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * (2 * n) + [
        highspy.HighsVarType.kContinuous
    ] * n_pairs
    return lp


def _purchases(
    useful: list[Candidate], pairs: list[tuple[int, int]], values: Any
) -> list[Purchase]:
    """The bought candidates from the solver's column values, most placements first."""
    n = len(useful)
    gaps_of: dict[int, dict[int, float]] = defaultdict(dict)
    for k, (i, j) in enumerate(pairs):
        placed = float(values[2 * n + k])
        if placed > 1e-6:
            gaps_of[i][j] = round(placed, 3)
    purchases = []
    for i, c in enumerate(useful):
        seats = round(float(values[i]))
        if seats <= 0:
            continue
        purchases.append(
            Purchase(
                key=c.key,
                seats=seats,
                cost=cents(c.cost_per_seat * seats),
                expected_placements=round(sum(gaps_of[i].values()), 3),
                gaps_closed=dict(gaps_of[i]),
            )
        )
    purchases.sort(key=lambda p: (-p.expected_placements, p.cost, p.key))
    return purchases


def solve(
    *,
    candidates: Sequence[Candidate],
    shortfalls: dict[int, float],
    budget: Decimal,
    provider_limits: dict[int, Decimal] | None = None,
    time_limit: float = TIME_LIMIT_S,
) -> Solution:
    """Choose the purchases; see the module docstring for the model."""
    import highspy

    useful = _useful(candidates, shortfalls)
    if not useful or budget <= 0:
        return Solution(status="empty")
    # Columns: x_0..x_{n-1}, y_0..y_{n-1}, then one w per (candidate, gap) pair.
    pairs = [
        (i, j)
        for i, c in enumerate(useful)
        for j in sorted(set(c.concept_ids))
        if shortfalls.get(j, 0) > 0
    ]
    rows = _rows(useful, pairs, shortfalls, budget, provider_limits or {})
    h = _highs()
    h.setOptionValue("mip_rel_gap", MIP_REL_GAP)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("threads", 1)
    h.passModel(_lp(useful, len(pairs), rows, budget))
    h.run()
    model_status = h.getModelStatus()
    info = h.getInfo()
    seconds = h.getRunTime()
    if model_status == highspy.HighsModelStatus.kInfeasible:
        return Solution(status="infeasible", seconds=seconds)
    values = np.array(h.getSolution().col_value)
    if values.size != 2 * len(useful) + len(pairs):
        return Solution(status="time_limit", seconds=seconds)
    status = "optimal" if info.mip_gap <= 1e-9 else "gap"
    if model_status == highspy.HighsModelStatus.kTimeLimit:
        status = "time_limit"
    purchases = _purchases(useful, pairs, values)
    return Solution(
        status=status,
        purchases=purchases,
        expected_placements=round(sum(p.expected_placements for p in purchases), 3),
        cost=sum((p.cost for p in purchases), Decimal("0.00")),
        mip_gap=float(info.mip_gap) if np.isfinite(info.mip_gap) else 0.0,
        seconds=seconds,
    )

"""The purchase optimiser on 500 candidate programmes × 2 000 skill gaps (seeded, synthetic).

    python bench/training_optimiser.py [--programmes 500] [--gaps 2000] [--seed 1] [--runs 3]

Each programme teaches 3–12 skills drawn with a popularity skew, costs 500–5 000 € a seat,
offers 8–20 seats with a minimum group of 4–8 and belongs to one of 20 providers whose
remaining ceilings are 40 % of their programmes' full price; each gap lacks 1–30 people; the
budget is a quarter of the price of everything. Prints the solve time (HiGHS wall time), the
status (proven optimal or within 0.5 %), the gap reached and the plan's size. No database.
"""

import argparse
import platform
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kohtaanto.training.optimiser import MIP_REL_GAP, Candidate, solve


def instance(programmes: int, gaps: int, seed: int):
    rng = random.Random(seed)
    weights = [1.0 / (rank + 1) ** 0.7 for rank in range(gaps)]
    candidates = []
    for key in range(programmes):
        skills = set(rng.choices(range(gaps), weights=weights, k=rng.randint(3, 12)))
        seats = rng.randint(8, 20)
        candidates.append(
            Candidate(
                key=key,
                provider=key % 20,
                cost_per_seat=Decimal(rng.randint(500, 5000)),
                max_seats=seats,
                min_group=rng.randint(4, 8),
                concept_ids=tuple(sorted(skills)),
                placement_rate=rng.choice([0.25, 0.3, 0.35, 0.45, 0.6, 0.8, 0.9]),
            )
        )
    shortfalls = {j: float(rng.randint(1, 30)) for j in range(gaps)}
    full = {}
    for c in candidates:
        full[c.provider] = full.get(c.provider, Decimal(0)) + c.cost_per_seat * c.max_seats
    limits = {p: (v * Decimal("0.4")).quantize(Decimal(1)) for p, v in full.items()}
    budget = (sum(full.values()) / 4).quantize(Decimal(1))
    return candidates, shortfalls, budget, limits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programmes", type=int, default=500)
    parser.add_argument("--gaps", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import os

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(
        f"instance: {args.programmes} programmes x {args.gaps} gaps, target gap {MIP_REL_GAP:.1%}"
    )
    for run in range(args.runs):
        candidates, shortfalls, budget, limits = instance(
            args.programmes, args.gaps, args.seed + run
        )
        started = time.perf_counter()
        solution = solve(
            candidates=candidates, shortfalls=shortfalls, budget=budget, provider_limits=limits
        )
        wall = time.perf_counter() - started
        print(
            f"seed {args.seed + run}: {wall:.2f} s total ({solution.seconds:.2f} s in HiGHS), "
            f"status {solution.status}, gap {solution.mip_gap:.3%}, "
            f"{len(solution.purchases)} purchases, cost {solution.cost} of {budget} EUR, "
            f"expected placements {solution.expected_placements:.1f}"
        )


if __name__ == "__main__":
    main()

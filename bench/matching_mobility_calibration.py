"""Calibrate the career-move thresholds on ESCO (Nesta's Mapping Career Causeways, adapted).

    python bench/matching_mobility_calibration.py [--esco PATH]

The app's similarity of a person to an occupation is the share of the occupation's essential
skills the person has (`matching.mobility.mobility_similarity`). Here the "person" is an
origin occupation's whole profile (essential and optional skills) and the destination is
another occupation. Nesta treated moves within one ISCO unit group as the reference for
viable moves; we do the same: over all ordered pairs of different occupations in the same
ISCO-08 unit group (four digits), the median similarity is the "viable" threshold (a move at
least as close as the typical move within a unit group) and the mean the "highly viable" one
(the within-group distribution is bimodal, so the mean lies above the median). Pairs across
different unit groups are printed for contrast: the share of them above each threshold shows
how selective it is. It also prints the two limits of the calibrated range the app applies
(matching/mobility.py): how many viable pairs rest on one shared skill, and the size of the
origin profiles the thresholds were measured from.
"""

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_data import esco_dir, esco_load


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco")
    args = ap.parse_args()
    esco = esco_load(esco_dir(args.esco))
    n_occ, n_skills = len(esco.occupation_uris), len(esco.skill_uris)
    keep = [i for i in range(n_occ) if len(esco.essential[i]) >= 1 and esco.isco[i]]

    def matrix(lists: list[np.ndarray]) -> sp.csr_matrix:
        r = np.concatenate([np.full(len(lists[i]), k) for k, i in enumerate(keep)])
        c = np.concatenate([lists[i] for i in keep])
        m = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(keep), n_skills))
        m.data[:] = 1.0
        return m

    ess = matrix(esco.essential)
    full = ess.maximum(matrix(esco.optional))
    # similarity[o, d] = |full(o) ∩ ess(d)| / |ess(d)|
    overlap = (full @ ess.T).toarray()
    sizes = np.asarray(ess.sum(axis=1)).ravel()
    sim = overlap / sizes[None, :]
    groups: dict[str, list[int]] = defaultdict(list)
    for k, i in enumerate(keep):
        groups[esco.isco[i]].append(k)
    within, shared = [], []
    for members in groups.values():
        for a in members:
            for b in members:
                if a != b:
                    within.append(sim[a, b])
                    shared.append(overlap[a, b])
    within_arr, shared_arr = np.array(within), np.array(shared)
    group_of = np.array([esco.isco[i] for i in keep])
    rng = np.random.default_rng(1)
    a = rng.integers(len(keep), size=200_000)
    b = rng.integers(len(keep), size=200_000)
    cross = sim[a, b][group_of[a] != group_of[b]]
    viable = float(np.median(within_arr))
    highly = float(within_arr.mean())
    print(f"occupations {len(keep)}, ISCO unit groups {len(groups)}")
    print(f"within-group pairs {len(within_arr):,}: mean {within_arr.mean():.3f}")
    for q in (10, 25, 50, 75, 90):
        print(f"  percentile {q}: {np.percentile(within_arr, q):.3f}")
    print(f"cross-group pairs (sample) {len(cross):,}: mean {cross.mean():.3f}")
    print(f"viable threshold (median within groups): {viable:.2f}")
    print(f"highly viable threshold (mean within groups): {highly:.2f}")
    print(
        f"share above: within groups {np.mean(within_arr > viable):.2f} / "
        f"{np.mean(within_arr > highly):.2f}; across groups {np.mean(cross > viable):.3f} / "
        f"{np.mean(cross > highly):.3f}"
    )
    above = within_arr > viable
    print(
        f"within-group pairs above the viable threshold: {above.sum():,}, of them with one "
        f"essential skill in common {(shared_arr[above] == 1).sum()} "
        "(a verdict needs MATCHING_MOBILITY_MIN_SHARED = 2)"
    )
    profile = np.asarray(full.sum(axis=1)).ravel()
    print(
        f"origin profiles (essential + optional skills): median {np.median(profile):.0f}, "
        f"percentile 1 {np.percentile(profile, 1):.0f}, 5 {np.percentile(profile, 5):.0f} "
        "(MATCHING_MOBILITY_MIN_PROFILE_SKILLS: a smaller person profile is outside the range)"
    )
    for t in (0.30, 0.40):
        print(
            f"Nesta's {t:.2f}: within groups {np.mean(within_arr > t):.2f}, "
            f"across groups {np.mean(cross > t):.3f}"
        )


if __name__ == "__main__":
    main()

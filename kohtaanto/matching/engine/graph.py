"""The skill taxonomy as sparse matrices: who is broader, related or a sibling of whom.

Plain arrays in, so that the application (from `taxonomy.ConceptRelation`) and the national
benchmark (straight from the ESCO CSV files) build the same thing.
"""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from kohtaanto.matching.engine.weights import Weights

# Siblings through a broad group ("communication", a skill group of hundreds) say little and
# would make the sibling matrix quadratic in the group size; only small families count.
MAX_SIBLING_FAMILY = 40

# How a person's skill reaches a vacancy's skill, best first; the explanation names it.
VIA_EXACT = None
VIA_NARROWER = "narrower"  # the person's skill is narrower than the one asked
VIA_BROADER = "broader"  # the person's skill is broader than the one asked
VIA_RELATED = "related"
VIA_SIBLING = "sibling"


def _binary(rows: np.ndarray, cols: np.ndarray, n: int) -> sp.csr_matrix:
    m = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows.astype(np.int64), cols.astype(np.int64))),
        shape=(n, n),
    )
    m.sum_duplicates()
    m.data[:] = 1.0
    m.setdiag(0)
    m.eliminate_zeros()
    return m


@dataclass
class SkillGraph:
    """Skill-to-skill relations by matrix index. `up[c, p] = 1` when p is broader than c."""

    n: int
    up: sp.csr_matrix
    down: sp.csr_matrix
    related: sp.csr_matrix
    sibling: sp.csr_matrix

    @classmethod
    def from_edges(
        cls,
        n: int,
        broader: tuple[np.ndarray, np.ndarray],
        related: tuple[np.ndarray, np.ndarray],
    ) -> "SkillGraph":
        """`broader`: (child, parent) index arrays; `related`: (a, b) pairs, either direction."""
        up = _binary(np.asarray(broader[0]), np.asarray(broader[1]), n)
        a, b = np.asarray(related[0]), np.asarray(related[1])
        rel = _binary(np.concatenate([a, b]), np.concatenate([b, a]), n)
        family = np.diff(up.tocsc().indptr)
        small = sp.diags((family <= MAX_SIBLING_FAMILY).astype(np.float32))
        down_small = (up @ small).T.tocsr()
        sib = (up @ small @ down_small).tocsr()
        sib.data[:] = 1.0
        sib.setdiag(0)
        sib.eliminate_zeros()
        return cls(n=n, up=up, down=up.T.tocsr(), related=rel, sibling=sib.astype(np.float32))

    def expand(self, x: sp.csr_matrix, w: Weights) -> sp.csr_matrix:
        """Credit each skill gets from a person's skills `x` (rows: people, values 0..1).

        The best route counts, never a sum: exact, then through a broader, narrower, related
        or sibling skill at the credits in `w`. Values stay in 0..1.
        """
        x = x.tocsr().astype(np.float32)
        x.eliminate_zeros()
        routes = [
            (self.up, w.credit_broader),
            (self.down, w.credit_narrower),
            (self.related, w.credit_related),
            (self.sibling, w.credit_sibling),
        ]
        # Person values take few distinct levels: one binary product per level gives the
        # exact maximum (a sum of several neighbours never beats the best one).
        masks = []
        for value in np.unique(x.data):
            mask = x.copy()
            mask.data = (x.data == value).astype(np.float32)
            mask.eliminate_zeros()
            masks.append((float(value), mask))
        out = x
        for matrix, credit in routes:
            if credit <= 0:
                continue
            for value, mask in masks:
                part = (mask @ matrix).tocsr()
                part.data[:] = credit * value
                out = out.maximum(part).tocsr()
        return out

    def route(self, have: dict[int, float], want: int, w: Weights) -> tuple[float, int, str | None]:
        """The best (credit, person's skill, via) for one asked skill; credit 0 when none.

        Equals `expand` for one cell: the same routes and credits, the maximum wins.
        """
        if want in have:
            best: tuple[float, int, str | None] = (have[want], want, VIA_EXACT)
        else:
            best = (0.0, -1, None)
        routes = [
            (self.down, w.credit_broader, VIA_NARROWER),
            (self.up, w.credit_narrower, VIA_BROADER),
            (self.related, w.credit_related, VIA_RELATED),
            (self.sibling, w.credit_sibling, VIA_SIBLING),
        ]
        for matrix, credit, via in routes:
            row = matrix.indices[matrix.indptr[want] : matrix.indptr[want + 1]]
            for source in row:
                value = have.get(int(source), 0.0) * credit
                if value > best[0] + 1e-9:
                    best = (value, int(source), via)
        return best

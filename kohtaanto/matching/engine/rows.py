"""The rows the index takes (people, vacancies) and the sparse upkeep that places them.

Replacing rows is O(non-zeros): the old matrix with the changed rows zeroed plus the new rows
placed at their positions, never a rebuild.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class PersonRows:
    """People to add or replace. `skills[i, s]`: level credit of skill s (0..1)."""

    ids: Sequence[int]
    skills: sp.csr_matrix
    municipality: np.ndarray | None = None  # index into the distance matrix, -1 unknown
    language: np.ndarray | None = None  # 0..1
    targets: sp.csr_matrix | None = None  # people × occupation labels, 0..1
    cards: sp.csr_matrix | None = None  # people × requirement concepts: 1 = valid card


@dataclass
class VacancyRows:
    """Vacancies to add or replace. `skills[i, s]`: weight before idf (0 = not asked)."""

    ids: Sequence[int]
    skills: sp.csr_matrix
    label: np.ndarray  # occupation label, -1 none
    municipality: np.ndarray | None = None
    remote: np.ndarray | None = None
    commuting: np.ndarray | None = None
    requirements: sp.csr_matrix | None = None  # vacancies × requirement concepts


def replace_rows(
    old: sp.csr_matrix | None, positions: np.ndarray, new: sp.csr_matrix, n_rows: int
) -> sp.csr_matrix:
    """`old` grown to n_rows with rows at `positions` replaced by `new` (O(non-zeros))."""
    width = new.shape[1]
    if old is None:
        old = sp.csr_matrix((n_rows, width), dtype=np.float32)
    if old.shape[0] < n_rows:
        old = sp.vstack([old, sp.csr_matrix((n_rows - old.shape[0], width))]).tocsr()
    keep = np.ones(n_rows, dtype=np.float32)
    keep[positions] = 0
    kept = (sp.diags(keep) @ old).tocsr()
    placed = sp.csr_matrix(
        (np.ones(len(positions), dtype=np.float32), (positions, np.arange(len(positions)))),
        shape=(n_rows, len(positions)),
    )
    out = (kept + placed @ new.tocsr()).tocsr().astype(np.float32)
    out.eliminate_zeros()
    return out


def replace_values(old: np.ndarray | None, positions: np.ndarray, new, n: int, fill) -> np.ndarray:
    new_arr = np.asarray(new) if new is not None else np.full(len(positions), fill)
    if old is None:
        old = np.full(n, fill, dtype=new_arr.dtype)
    elif len(old) < n:
        old = np.concatenate([old, np.full(n - len(old), fill, dtype=old.dtype)])
    old[positions] = new_arr
    return old


def row_normalise(m: sp.csr_matrix, kind: str) -> sp.csr_matrix:
    if kind == "l2":
        norm = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    else:
        norm = np.asarray(m.sum(axis=1)).ravel()
    inv = np.divide(1.0, norm, out=np.zeros_like(norm), where=norm > 0)
    return (sp.diags(inv.astype(np.float32)) @ m).tocsr().astype(np.float32)

"""How typical a person's skills are of each occupation label, learned from the vacancies.

The occupation component of the score (`index.py`) compares the person with the mean of the
vacancies that carry a label. A mean cannot tell apart occupations whose vacancies ask for
nearly the same skills (ESCO has whole families of them: "wholesale merchant in …", "import
export specialist in …"): what separates them is the few skills one asks for now and then and
the other never. This model reads exactly that.

Model: for each occupation label L, a skill s appears in a vacancy of L with probability
θ[L, s] = (1 − λ)·n[L, s] / n[L] + λ·q[s], where n[L, s] counts the active vacancies of L that
ask for s, n[L] the active vacancies of L, and q[s] = (df[s] + 1) / (N + 2) the share of all
active vacancies that ask for s (the background: a person carries skills from other jobs and
describes some in their own words, so a skill L's vacancies never ask for is unlikely under L,
never impossible). The person's exact skills x (present or not) then have the log-likelihood

    ll[L] = Σ_s x[s]·log θ[L, s] + Σ_s (1 − x[s])·log(1 − θ[L, s])

(independent skills, a Bernoulli naive Bayes model). Where n[L, s] = 0, θ[L, s] = λ·q[s] does
not depend on L, so ll[L] = Σ_s x[s]·Δ[L, s] + K[L] + (a term equal for every label), with
Δ and K non-zero only where L's vacancies ask for s: the whole model is one sparse
labels × skills matrix and one number per label, rebuilt in O(non-zeros).

The score uses the *gap* of a label, ll[L] − max over labels: 0 for the label the person's
skills are most typical of, negative for the others (in nats). `index.py` subtracts
`Weights.typicality` per nat from the occupation component (never below 0). A vacancy without
a label is read, for this purpose only, as the label its own skills are most likely under.

Fair play: the model is learned from the vacancies' skills and the occupation labels employers
gave them; it never reads ESCO's occupation profiles, identifiers or titles.
"""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = ["LabelModel"]

# Unlabelled vacancies are read in blocks, so the labels × vacancies scores stay small.
_BLOCK = 2048


def _binary(m: sp.csr_matrix) -> sp.csr_matrix:
    out = m.tocsr().astype(np.float64, copy=True)
    out.data = (out.data > 0).astype(np.float64)
    out.eliminate_zeros()
    return out


@dataclass
class LabelModel:
    """Δ (labels × skills, sparse), K (per label) and which labels have active vacancies."""

    delta: sp.csr_matrix
    delta_t: sp.csr_matrix  # skills × labels, for gathering one person's rows
    k: np.ndarray
    known: np.ndarray  # labels with at least one active vacancy

    @classmethod
    def build(
        cls, r: sp.csr_matrix, label: np.ndarray, active: np.ndarray, background: float
    ) -> "LabelModel":
        """From vacancies × skills (any positive weight = asked), their labels (−1 none) and
        which are active; `background` is λ."""
        lam = float(min(max(background, 1e-6), 1.0))
        n_skills = r.shape[1]
        n_labels = int(label.max()) + 1 if len(label) and label.max() >= 0 else 0
        asked = _binary(r)
        n_active = max(int(active.sum()), 1)
        df = np.bincount(asked[active].indices, minlength=n_skills).astype(np.float64)
        q = (df + 1.0) / (n_active + 2.0)
        use = active & (label >= 0)
        member = sp.csr_matrix(
            (np.ones(int(use.sum())), (label[use], np.flatnonzero(use))),
            shape=(n_labels, len(label)),
        )
        counts = (member @ asked).tocoo()
        n_l = np.asarray(member.sum(axis=1)).ravel()
        theta = (1.0 - lam) * counts.data / np.maximum(n_l[counts.row], 1.0) + lam * q[counts.col]
        theta = np.minimum(theta, 1.0 - 1e-9)
        base = lam * q[counts.col]
        log_odds = (np.log(theta) - np.log1p(-theta)) - (np.log(base) - np.log1p(-base))
        delta = sp.csr_matrix(
            (log_odds, (counts.row, counts.col)), shape=(n_labels, n_skills)
        ).astype(np.float32)
        k = np.bincount(counts.row, weights=np.log1p(-theta) - np.log1p(-base), minlength=n_labels)
        return cls(
            delta=delta,
            delta_t=delta.T.tocsr(),
            k=k.astype(np.float32),
            known=n_l > 0,
        )

    @property
    def n_labels(self) -> int:
        return len(self.k)

    def log_likelihood(self, x: sp.csr_matrix) -> np.ndarray:
        """rows × labels: ll[L] up to a constant per row; −inf for labels without vacancies."""
        ll = (_binary(x) @ self.delta_t).toarray() + self.k[None, :]
        ll[:, ~self.known] = -np.inf
        return ll

    def gaps(self, x: sp.csr_matrix) -> np.ndarray:
        """rows × labels: ll[L] − the row's best ll (≤ 0; −inf for labels without vacancies).
        A row of no labels at all is all −inf."""
        ll = self.log_likelihood(x)
        if ll.shape[1] == 0 or not self.known.any():
            return ll
        return ll - ll.max(axis=1, keepdims=True)

    def read_labels(self, r: sp.csr_matrix, label: np.ndarray) -> np.ndarray:
        """Each vacancy's label, and for one without a label the label its own skills are
        most likely under (−1 when no label has vacancies)."""
        out = label.copy()
        missing = np.flatnonzero(label < 0)
        if not self.known.any() or len(missing) == 0:
            return out
        for start in range(0, len(missing), _BLOCK):
            rows = missing[start : start + _BLOCK]
            out[rows] = self.log_likelihood(r[rows]).argmax(axis=1)
        return out

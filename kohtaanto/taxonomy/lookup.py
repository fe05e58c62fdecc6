"""Concept look-up for every app: text or URI → concepts, URIs → concepts.

What a user types is normalised with the same functions that normalised the stored labels and
that text extraction uses (`taxonomy.text`), so inflected forms find their concept: "hitsausta"
finds "hitsaus", "Hitsaajana" finds "hitsaaja". Other apps call these functions and
`taxonomy.fields.ConceptChoiceField`; they never query labels themselves.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError
from kohtaanto.taxonomy.models import Concept, ConceptLabel, LabelKind
from kohtaanto.taxonomy.text import LANGS, normalize

LOOKUP_LIMIT = 10
MAX_TEXT = 500


@dataclass(frozen=True, order=True)
class _Rank:
    """Lower is better: exact before prefix, a label in the asked language, a preferred label,
    a concept of the shipped vocabulary."""

    prefix: bool
    other_language: bool
    not_preferred: bool
    not_in_vocabulary: bool


def _ranked(text: str, types: list[str], lang: str) -> list[tuple[_Rank, Concept]]:
    text = text.strip()[:MAX_TEXT]
    if not text:
        return []
    by_uri = list(Concept.objects.filter(uri=text, type__in=types))
    if by_uri:
        return [(_Rank(False, False, False, False), concept) for concept in by_uri]
    forms = {code: normalize(text, code) for code in LANGS}
    labels = ConceptLabel.objects.filter(concept__type__in=types)
    exact = Q(text__iexact=text)
    for code, form in forms.items():
        if form:
            exact |= Q(lang=code, normalized=form)
    rows = list(labels.filter(exact).values_list("concept_id", "lang", "kind")[:200])
    prefix = False
    if not rows:
        prefix = True
        starts = Q(text__istartswith=text)
        for code, form in forms.items():
            if form:
                starts |= Q(lang=code, normalized__startswith=form)
        rows = list(labels.filter(starts).values_list("concept_id", "lang", "kind")[:200])
    concepts = Concept.objects.in_bulk({concept_id for concept_id, _, _ in rows})
    best: dict[int, _Rank] = {}
    for concept_id, label_lang, kind in rows:
        concept = concepts[concept_id]
        rank = _Rank(
            prefix, label_lang != lang, kind != LabelKind.PREFERRED, not concept.in_vocabulary
        )
        if concept_id not in best or rank < best[concept_id]:
            best[concept_id] = rank
    ordered = sorted(best.items(), key=lambda item: (item[1], concepts[item[0]].uri))
    return [(rank, concepts[concept_id]) for concept_id, rank in ordered[:LOOKUP_LIMIT]]


def concept_lookup(*, text: str, types: Iterable[str], lang: str) -> list[Concept]:
    """Concepts of `types` named by `text`, best first: the concept whose URI it is; else those
    with a label equal to it once both are lemmatised (in any of fi, sv, en); else those with a
    label beginning with it. Ties prefer a label in `lang`, a preferred label and a concept of
    the shipped vocabulary. At most LOOKUP_LIMIT concepts.
    """
    return [concept for _, concept in _ranked(text, list(types), lang)]


def concept_lookup_one(
    *, text: str, types: Iterable[str], lang: str, field: str | None = None
) -> Concept:
    """The one concept `text` names, for forms, the API and importers.

    A single candidate is taken; among several exact matches, the first is taken only when it
    ranks strictly better than the second (e.g. the only preferred label among alternative
    ones); several label beginnings are always a question. Otherwise
    DomainError (with `field`) says that nothing was found or lists the candidates.
    """
    ranked = _ranked(text, list(types), lang)
    if not ranked:
        raise DomainError(
            _("Luokituksesta ei löytynyt käsitettä ”%(text)s”.") % {"text": text.strip()},
            code="unknown_concept",
            field=field,
        )
    if len(ranked) == 1 or (not ranked[0][0].prefix and ranked[0][0] < ranked[1][0]):
        return ranked[0][1]
    names = "; ".join(f"{concept.label(lang)} ({concept.uri})" for _, concept in ranked[:5])
    raise DomainError(
        _("Useita osumia: %(names)s. Tarkenna nimeä tai anna URI.") % {"names": names},
        code="ambiguous_concept",
        field=field,
    )


def concepts_by_uri(
    uris: Iterable[str], *, types: Iterable[str] | None = None
) -> dict[str, Concept]:
    """The concepts of `uris` that exist (of `types`, when given); missing URIs are absent."""
    concepts = Concept.objects.filter(uri__in=set(uris))
    if types is not None:
        concepts = concepts.filter(type__in=list(types))
    return {concept.uri: concept for concept in concepts}

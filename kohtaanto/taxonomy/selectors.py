"""Reads of the taxonomy for views, the API and other apps, checked against the actor.

The taxonomy holds no personal data and is shared by every employment area, so the only scope
is the `view_taxonomy` permission. A denied actor gets the same NotFoundError as a missing
concept.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.taxonomy.models import (
    Concept,
    ConceptLabel,
    ConceptRelation,
    ConceptType,
    LabelKind,
    RelationKind,
)
from kohtaanto.taxonomy.search import SearchHit, concept_index_search
from kohtaanto.taxonomy.usage import usage_sources

MAX_LIMIT = 50
RELATED_LIMIT = 100
LANGUAGES = ("fi", "sv", "en")


def _check(actor: Any) -> None:
    actor.permissions.require("view_taxonomy")


def concept_types_parse(value: str | Iterable[str]) -> list[str]:
    """`"skill,knowledge"` → ["skill", "knowledge"]; DomainError names an unknown type."""
    items = value.split(",") if isinstance(value, str) else list(value)
    types = [t.strip() for t in items if t.strip()]
    unknown = [t for t in types if t not in ConceptType.values]
    if unknown:
        raise DomainError(
            f"Unknown concept type {unknown[0]!r}; use {', '.join(ConceptType.values)}.",
            code="invalid_type",
        )
    return types


def concept_search(
    *, actor: Any, q: str, lang: str = "fi", types: Iterable[str] = (), limit: int = 10
) -> list[SearchHit]:
    """Concepts whose label in any language matches `q`, best first (see taxonomy.search)."""
    _check(actor)
    limit = max(1, min(limit, MAX_LIMIT))
    return concept_index_search(q, lang=lang, types=types, limit=limit)


def concept_get_for_actor(*, actor: Any, id: int) -> Concept:
    _check(actor)
    try:
        return Concept.objects.select_related("isco_group", "version").get(pk=id)
    except Concept.DoesNotExist:
        raise NotFoundError("not found") from None


@dataclass
class RelatedGroup:
    key: str
    title: str | Promise
    count: int
    concepts: list[Concept]


@dataclass
class ConceptDetail:
    concept: Concept
    # {lang: {"pref": [...], "alt": [...], "hidden": [...]}} for fi, sv, en (and others found)
    labels: dict[str, dict[str, list[str]]]
    groups: list[RelatedGroup] = field(default_factory=list)
    esco_match: Concept | None = None


# (key, direction, relation kind, title); "out": concept → related, "in": related → concept.
RELATED = [
    ("broader", "out", RelationKind.BROADER, _("Laajemmat käsitteet")),
    ("narrower", "in", RelationKind.BROADER, _("Suppeammat käsitteet")),
    ("essential_skills", "out", RelationKind.OCCUPATION_ESSENTIAL, _("Olennaiset taidot")),
    ("optional_skills", "out", RelationKind.OCCUPATION_OPTIONAL, _("Valinnaiset taidot")),
    ("essential_for", "in", RelationKind.OCCUPATION_ESSENTIAL, _("Olennainen taito ammateissa")),
    ("optional_for", "in", RelationKind.OCCUPATION_OPTIONAL, _("Valinnainen taito ammateissa")),
    ("related_essential", "out", RelationKind.SKILL_ESSENTIAL, _("Olennaiset liittyvät taidot")),
    ("related_optional", "out", RelationKind.SKILL_OPTIONAL, _("Valinnaiset liittyvät taidot")),
]


def concept_detail(
    *, actor: Any, concept: Concept, lang: str = "fi", limit: int = RELATED_LIMIT
) -> ConceptDetail:
    """Labels in every language and the related concepts, each group capped at `limit`.

    Runs a fixed number of queries whatever the concept: labels, one count per direction and
    one list per relation group.
    """
    _check(actor)
    labels: dict[str, dict[str, list[str]]] = {
        lang_: {k: [] for k in LabelKind.values} for lang_ in LANGUAGES
    }
    for label in ConceptLabel.objects.filter(concept=concept).order_by("lang", "kind", "text"):
        labels.setdefault(label.lang, {k: [] for k in LabelKind.values})[label.kind].append(
            label.text
        )
    counts: dict[tuple[str, str], int] = {}
    for direction, lookup in (("out", "source"), ("in", "target")):
        rows = (
            ConceptRelation.objects.filter(**{lookup: concept})
            .values("kind")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in rows:
            counts[(direction, row["kind"])] = row["n"]
    detail = ConceptDetail(concept=concept, labels=labels)
    for key, direction, kind, title in RELATED:
        count = counts.get((direction, kind), 0)
        if not count:
            continue
        own, other = ("source", "target") if direction == "out" else ("target", "source")
        related = [
            getattr(relation, other)
            for relation in ConceptRelation.objects.filter(**{own: concept, "kind": kind})
            .select_related(other)
            .order_by(f"-{other}__in_vocabulary", f"{other}_id")[:limit]
        ]
        related.sort(key=lambda c: c.label(lang).casefold())
        detail.groups.append(RelatedGroup(key=key, title=title, count=count, concepts=related))
    if concept.esco_uri:
        detail.esco_match = Concept.objects.filter(uri=concept.esco_uri).first()
    return detail


@dataclass(frozen=True)
class ConceptUsage:
    key: str
    label: str
    count: int
    url: str | None


def concept_usage_list(*, actor: Any, concept: Concept) -> list[ConceptUsage]:
    """How many of the actor's visible records in other apps use the concept (taxonomy.usage)."""
    _check(actor)
    usages = []
    for source in usage_sources():
        count = source.count(actor, concept)
        if count is None:
            continue
        url = source.url(concept) if source.url else None
        usages.append(ConceptUsage(key=source.key, label=str(source.label), count=count, url=url))
    return usages

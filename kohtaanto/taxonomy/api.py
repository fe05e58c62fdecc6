"""Concept search and concept details (`/api/v1/concepts`)."""

from typing import Literal

from django.utils.translation import get_language
from ninja import Query, Router, Schema

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.taxonomy import selectors
from kohtaanto.taxonomy.models import Concept

router = Router(tags=["taxonomy"])

Language = Literal["fi", "sv", "en"]


class ConceptHitOut(Schema):
    id: int
    uri: str
    type: str
    label: str
    matched: str
    matched_lang: str
    matched_kind: str
    in_vocabulary: bool
    score: float


class ConceptRefOut(Schema):
    id: int
    uri: str
    type: str
    label: str
    code: str


class LabelOut(Schema):
    lang: str
    kind: str
    text: str


class RelatedOut(Schema):
    key: str
    count: int
    concepts: list[ConceptRefOut]


class UsageOut(Schema):
    key: str
    label: str
    count: int


class ConceptOut(Schema):
    id: int
    uri: str
    type: str
    status: str
    label: str
    preferred: dict[str, str]
    descriptions: dict[str, str]
    labels: list[LabelOut]
    code: str
    reuse_level: str
    isco_group: ConceptRefOut | None
    in_vocabulary: bool
    domain: str
    requirement_kind: str
    validity_months: int | None
    esco_uri: str
    related: list[RelatedOut]
    usage: list[UsageOut]


class SearchParams(Schema):
    q: str = Query(..., min_length=1, max_length=200, description="text in any language")
    lang: Language | None = Query(None, description="language of the labels returned")
    type: str = Query("", description="comma-separated concept types, e.g. skill,knowledge")
    limit: int = Query(10, ge=1, le=selectors.MAX_LIMIT)


def _lang(lang: str | None) -> str:
    return lang or (get_language() or "fi")[:2]


def _ref(concept: Concept, lang: str) -> ConceptRefOut:
    return ConceptRefOut(
        id=concept.pk,
        uri=concept.uri,
        type=concept.type,
        label=concept.label(lang),
        code=concept.code,
    )


@router.get("/concepts", response=list[ConceptHitOut])
def concepts_search(
    request: AuthenticatedHttpRequest, params: Query[SearchParams]
) -> list[ConceptHitOut]:
    """Concepts with a label in any language matching `q` (inflected Finnish forms and small
    typos included), best first."""
    lang = _lang(params.lang)
    hits = selectors.concept_search(
        actor=request.user,
        q=params.q,
        lang=lang,
        types=selectors.concept_types_parse(params.type),
        limit=params.limit,
    )
    return [
        ConceptHitOut(
            id=hit.concept_id,
            uri=hit.uri,
            type=hit.type,
            label=hit.label(lang),
            matched=hit.matched,
            matched_lang=hit.matched_lang,
            matched_kind=hit.matched_kind,
            in_vocabulary=hit.in_vocabulary,
            score=hit.score,
        )
        for hit in hits
    ]


@router.get("/concepts/{id}", response=ConceptOut)
def concept_get(
    request: AuthenticatedHttpRequest, id: int, lang: Language | None = None
) -> ConceptOut:
    """One concept with its labels in every language, related concepts and uses."""
    language = _lang(lang)
    concept = selectors.concept_get_for_actor(actor=request.user, id=id)
    detail = selectors.concept_detail(actor=request.user, concept=concept, lang=language)
    usage = selectors.concept_usage_list(actor=request.user, concept=concept)
    return ConceptOut(
        id=concept.pk,
        uri=concept.uri,
        type=concept.type,
        status=concept.status,
        label=concept.label(language),
        preferred=concept.preferred,
        descriptions=concept.descriptions,
        labels=[
            LabelOut(lang=lang_, kind=kind, text=text)
            for lang_, kinds in detail.labels.items()
            for kind, texts in kinds.items()
            for text in texts
        ],
        code=concept.code,
        reuse_level=concept.reuse_level,
        isco_group=_ref(concept.isco_group, language) if concept.isco_group else None,
        in_vocabulary=concept.in_vocabulary,
        domain=concept.domain,
        requirement_kind=concept.requirement_kind,
        validity_months=concept.validity_months,
        esco_uri=concept.esco_uri,
        related=[
            RelatedOut(
                key=group.key,
                count=group.count,
                concepts=[_ref(c, language) for c in group.concepts],
            )
            for group in detail.groups
        ],
        usage=[UsageOut(key=u.key, label=u.label, count=u.count) for u in usage],
    )

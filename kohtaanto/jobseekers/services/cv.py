"""A CV → the extraction engine's suggestions → what the counsellor confirms into the profile.

Everything confirmed goes through the profile's own services (`services.profile`), so it is
validated and audited exactly as the profile page's edits are.
"""

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.jobseekers.documents import MAX_TEXT_CHARS
from kohtaanto.jobseekers.languages import ISO_639_1
from kohtaanto.jobseekers.models import (
    CefrLevel,
    CvDocument,
    JobSeeker,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.services.profile import (
    SKILL_TYPES,
    language_skill_set,
    profile_skill_set,
    requirement_card_set,
    target_occupation_add,
)
from kohtaanto.jobseekers.validation import InvalidFieldsError, raise_if
from kohtaanto.taxonomy.models import Concept, ConceptType

# Concept types a CV suggestion can become, and what it becomes.
SUGGESTION_TYPES = (*SKILL_TYPES, ConceptType.REQUIREMENT, ConceptType.OCCUPATION)
# Level given to a skill confirmed from a CV unless the counsellor picks another one.
CV_DEFAULT_LEVEL = 2


def _extract(text: str) -> Any:
    # Imported here: the engine loads its vocabulary on first use, which pages that never
    # extract should not pay for.
    from kohtaanto.extraction.engine import extract

    return extract(text, lang="auto")


@transaction.atomic
def profile_import_from_cv(
    *, actor: User | None, job_seeker: JobSeeker, text: str, filename: str = ""
) -> CvDocument:
    """Run the extraction engine on a CV and keep its suggestions for confirmation.

    Nothing enters the profile yet: the counsellor accepts, rejects or adds concepts
    (profile_import_confirm). Concepts the CV mentions as missing ("ei trukkikorttia") are
    not suggested. One suggestion per concept, the best-scoring mention.
    """
    text = text.strip()
    if not text:
        raise_if([("text", _("Liitä ansioluettelon teksti tai lataa tiedosto."))])
    if len(text) > MAX_TEXT_CHARS:
        raise_if(
            [
                (
                    "text",
                    _("Teksti on liian pitkä (enintään %(max)s merkkiä).")
                    % {"max": MAX_TEXT_CHARS},
                )
            ]
        )
    result = _extract(text)
    negated = {m.concept_id for m in getattr(result, "negated", [])}
    best: dict[int, Any] = {}
    for mention in result.concepts:
        if mention.type not in SUGGESTION_TYPES or mention.concept_id in negated:
            continue
        if mention.concept_id not in best or mention.score > best[mention.concept_id].score:
            best[mention.concept_id] = mention
    suggestions = [
        {
            "concept_id": m.concept_id,
            "uri": m.uri,
            "label": m.label,
            "type": m.type,
            "score": round(float(m.score), 3),
        }
        for m in sorted(best.values(), key=lambda m: (-m.score, m.label))
    ]
    document = CvDocument.objects.create(
        job_seeker=job_seeker,
        filename=filename[:255],
        text=text,
        lang=str(getattr(result, "lang", "") or "")[:5],
        suggestions=suggestions,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="cv.extract",
        target=document,
        target_repr=f"{job_seeker.pk}: {document}",
        changes={"suggestions": [None, len(suggestions)], "lang": [None, document.lang]},
    )
    return document


@dataclass(frozen=True)
class CardDates:
    """The dates of a card confirmed from a CV, as the counsellor gave them (or None)."""

    acquired_on: datetime.date | None = None
    expires_on: datetime.date | None = None


# The level the extraction gives a mother tongue; stored as C2 with is_native.
NATIVE = "native"


@contextmanager
def _fields_suffixed(suffix: object) -> Iterator[None]:
    """A refusal about one row of the confirm form names that row's field ("expires_on_12")."""
    try:
        yield
    except InvalidFieldsError as error:
        raise InvalidFieldsError(
            (f"{row.field}_{suffix}", row.reason) for row in error.errors
        ) from error


def _cefr_rank(level: str) -> int:
    return CefrLevel.values.index(level) if level in CefrLevel.values else -1


@transaction.atomic
def profile_import_confirm(
    *,
    actor: User | None,
    document: CvDocument,
    accepted: dict[int, int],
    added: Iterable[tuple[Concept, int]] = (),
    cards: dict[int, CardDates] | None = None,
    languages: Iterable[tuple[str, str]] = (),
) -> dict[str, int]:
    """Store the accepted suggestions (concept id → level), the concepts the counsellor added,
    the cards' dates (concept id → CardDates) and the languages ((ISO 639-1 code, CEFR level or
    "native")), with source cv_extracted and the same audit events as the profile's own edits.

    Skills and knowledge become profile skills; requirements become cards; occupations become
    target occupations. A CV never overrides better evidence and never lowers what is recorded:
    a skill or card already in the profile from another source (a certificate, the counsellor's
    own assessment) is kept as it is; a skill from an earlier CV only rises in level, a card from
    one only gets the dates now given, a language only rises in level (and stays native).
    Any refusal (a card's dates, a language) changes nothing; each names its row's field.
    Returns how many items were added or changed per kind, and how many were already there
    (`unchanged`).
    """
    document = CvDocument.objects.select_for_update().get(pk=document.pk)
    if document.confirmed_at is not None:
        raise ConflictError(_("Ehdotukset on jo vahvistettu."))
    offered = {s["concept_id"] for s in document.suggestions}
    unknown = set(accepted) - offered
    if unknown:
        raise DomainError(_("Vahvistettavat käsitteet eivät ole tämän ansioluettelon ehdotuksia."))
    chosen: dict[int, tuple[Concept, int]] = {
        c.pk: (c, accepted[c.pk]) for c in Concept.objects.filter(pk__in=accepted)
    }
    for concept, level in added:
        chosen[concept.pk] = (concept, level)
    job_seeker = document.job_seeker
    counts = {"skills": 0, "cards": 0, "targets": 0, "languages": 0, "unchanged": 0}
    evidence = _("Ansioluettelo %(name)s") % {"name": document}
    for concept, level in chosen.values():
        with _fields_suffixed(concept.pk):
            kind = _confirm_concept(
                actor=actor,
                job_seeker=job_seeker,
                concept=concept,
                level=level or CV_DEFAULT_LEVEL,
                dates=(cards or {}).get(concept.pk, CardDates()),
                evidence=evidence,
            )
        counts[kind] += 1
    for code, language_level in languages:
        with _fields_suffixed(code):
            stored = _confirm_language(actor, job_seeker, code, language_level)
        counts["languages" if stored else "unchanged"] += 1
    document.confirmed_at = timezone.now()
    document.save(update_fields=["confirmed_at", "updated_at"])
    audit_event_record(
        actor=actor,
        action="cv.confirm",
        target=document,
        target_repr=f"{job_seeker.pk}: {document}",
        changes={k: [None, v] for k, v in counts.items()},
    )
    return counts


def _confirm_concept(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    concept: Concept,
    level: int,
    dates: CardDates,
    evidence: str,
) -> str:
    """One confirmed concept into the profile; the kind it counts as ("unchanged" when the
    profile already says as much or has better evidence)."""
    if concept.type in SKILL_TYPES:
        skill = ProfileSkill.objects.filter(job_seeker=job_seeker, concept=concept).first()
        if skill is not None and (skill.source != SkillSource.CV_EXTRACTED or skill.level >= level):
            return "unchanged"
        profile_skill_set(
            actor=actor,
            job_seeker=job_seeker,
            concept=concept,
            level=level,
            source=SkillSource.CV_EXTRACTED,
            evidence=evidence,
        )
        return "skills"
    if concept.type == ConceptType.REQUIREMENT:
        card = RequirementCard.objects.filter(job_seeker=job_seeker, concept=concept).first()
        acquired_on, expires_on = dates.acquired_on, dates.expires_on
        if card is not None:
            acquired_on, expires_on = acquired_on or card.acquired_on, expires_on or card.expires_on
            if card.source != SkillSource.CV_EXTRACTED or (acquired_on, expires_on) == (
                card.acquired_on,
                card.expires_on,
            ):
                return "unchanged"
        requirement_card_set(
            actor=actor,
            job_seeker=job_seeker,
            concept=concept,
            acquired_on=acquired_on,
            expires_on=expires_on,
            source=SkillSource.CV_EXTRACTED,
            evidence=evidence,
        )
        return "cards"
    if concept.type == ConceptType.OCCUPATION:
        if TargetOccupation.objects.filter(job_seeker=job_seeker, concept=concept).exists():
            return "unchanged"
        target_occupation_add(actor=actor, job_seeker=job_seeker, concept=concept)
        return "targets"
    return "unchanged"


def _confirm_language(actor: User | None, job_seeker: JobSeeker, code: str, level: str) -> bool:
    """A language found in the CV into the profile; False when the profile already says as
    much (the CV's level is not higher, nativeness not new)."""
    code = code.strip().lower()
    is_native = level == NATIVE
    if is_native:
        level = CefrLevel.C2
    errors = []
    if code not in ISO_639_1:
        errors.append(("language", _("Kielen on oltava ISO 639-1 -koodi, esimerkiksi fi.")))
    if level not in CefrLevel.values:
        errors.append(("level", _("Tason on oltava A1, A2, B1, B2, C1, C2 tai äidinkieli.")))
    raise_if(errors)
    current = LanguageSkill.objects.filter(job_seeker=job_seeker, language=code).first()
    if current is not None:
        if _cefr_rank(current.level) >= _cefr_rank(level) and (current.is_native or not is_native):
            return False
        level = max(level, current.level, key=_cefr_rank)
        is_native = is_native or current.is_native
    language_skill_set(
        actor=actor, job_seeker=job_seeker, language=code, level=level, is_native=is_native
    )
    return True

"""The skills profile: skills, cards, target occupations, languages, and CV suggestions."""

import datetime
from typing import Any

from ninja import Field, Schema, Status

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.api.common import person_get, person_read_log, router
from kohtaanto.jobseekers.models import (
    JobSeeker,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.services import cv as cv_services
from kohtaanto.jobseekers.services import profile as profile_services
from kohtaanto.taxonomy.lookup import concept_by_uri

# --- profile ---------------------------------------------------------------------------------


class SkillOut(Schema):
    id: int
    uri: str
    label: str
    type: str
    level: int
    source: str
    evidence: str
    assessed_on: datetime.date


class CardOut(Schema):
    id: int
    uri: str
    label: str
    acquired_on: datetime.date | None
    expires_on: datetime.date | None
    source: str


class TargetOut(Schema):
    id: int
    uri: str
    label: str


class LanguageOut(Schema):
    id: int
    language: str
    level: str
    is_native: bool


class ProfileOut(Schema):
    skills: list[SkillOut]
    requirement_cards: list[CardOut]
    target_occupations: list[TargetOut]
    languages: list[LanguageOut]


def _concept_fields(item: Any) -> dict[str, Any]:
    return {"uri": item.concept.uri, "label": item.concept.label(), "type": item.concept.type}


def _profile_out(request: AuthenticatedHttpRequest, person: JobSeeker) -> dict[str, Any]:
    profile = selectors.profile_get(actor=request.user, job_seeker=person)
    return {
        "skills": [
            {
                "id": s.pk,
                **_concept_fields(s),
                "level": s.level,
                "source": s.source,
                "evidence": s.evidence,
                "assessed_on": s.assessed_on,
            }
            for s in profile.skills
        ],
        "requirement_cards": [
            {
                "id": c.pk,
                **_concept_fields(c),
                "acquired_on": c.acquired_on,
                "expires_on": c.expires_on,
                "source": c.source,
            }
            for c in profile.cards
        ],
        "target_occupations": [{"id": t.pk, **_concept_fields(t)} for t in profile.targets],
        "languages": [
            {"id": ls.pk, "language": ls.language, "level": ls.level, "is_native": ls.is_native}
            for ls in profile.languages
        ],
    }


@router.get("/job-seekers/{id}/profile", response=ProfileOut)
def profile_get(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    """The skills profile; partners and business advisors see it only with valid consent."""
    person = person_get(request, id, "view_job_seeker")
    person_read_log(request, person, "profile")
    return _profile_out(request, person)


def _profile_add(request: AuthenticatedHttpRequest, id: int, save: Any, payload: Schema) -> Any:
    """Add to the person's profile with `save(actor=…, job_seeker=…, **payload)`, a `uri` in
    the payload becoming its concept; 201 with the whole profile."""
    person = person_get(request, id, "change_job_seeker")
    data = payload.dict()
    if "uri" in data:
        data["concept"] = concept_by_uri(data.pop("uri"))
    save(actor=request.user, job_seeker=person, **data)
    return Status(201, _profile_out(request, person))


class SkillIn(Schema):
    uri: str
    level: int = Field(..., ge=1, le=4)
    source: str = SkillSource.COUNSELLOR
    evidence: str = ""
    assessed_on: datetime.date | None = None


@router.post("/job-seekers/{id}/profile/skills", response={201: ProfileOut})
def profile_skill_set(request: AuthenticatedHttpRequest, id: int, payload: SkillIn) -> Any:
    return _profile_add(request, id, profile_services.profile_skill_set, payload)


class CardIn(Schema):
    uri: str
    acquired_on: datetime.date | None = None
    expires_on: datetime.date | None = Field(
        None, description="default: acquired_on + the card's validity"
    )
    source: str = SkillSource.CERTIFICATE
    evidence: str = ""


@router.post("/job-seekers/{id}/profile/cards", response={201: ProfileOut})
def requirement_card_set(request: AuthenticatedHttpRequest, id: int, payload: CardIn) -> Any:
    return _profile_add(request, id, profile_services.requirement_card_set, payload)


class TargetIn(Schema):
    uri: str


@router.post("/job-seekers/{id}/profile/target-occupations", response={201: ProfileOut})
def target_occupation_add(request: AuthenticatedHttpRequest, id: int, payload: TargetIn) -> Any:
    return _profile_add(request, id, profile_services.target_occupation_add, payload)


class LanguageIn(Schema):
    language: str = Field(..., description="ISO 639-1 code")
    level: str = Field(..., description="CEFR A1–C2")
    is_native: bool = False


@router.post("/job-seekers/{id}/profile/languages", response={201: ProfileOut})
def language_skill_set(request: AuthenticatedHttpRequest, id: int, payload: LanguageIn) -> Any:
    return _profile_add(request, id, profile_services.language_skill_set, payload)


PROFILE_ITEMS: dict[str, tuple[Any, Any, str]] = {
    "skills": (ProfileSkill, profile_services.profile_skill_remove, "skill"),
    "cards": (RequirementCard, profile_services.requirement_card_remove, "card"),
    "target-occupations": (TargetOccupation, profile_services.target_occupation_remove, "target"),
    "languages": (LanguageSkill, profile_services.language_skill_remove, "skill"),
}


@router.delete("/job-seekers/{id}/profile/{kind}/{item_id}", response={204: None})
def profile_item_remove(request: AuthenticatedHttpRequest, id: int, kind: str, item_id: int) -> Any:
    person = person_get(request, id, "change_job_seeker")
    if kind not in PROFILE_ITEMS:
        raise NotFoundError("not found")
    model, remove, argument = PROFILE_ITEMS[kind]
    obj = model.objects.filter(job_seeker=person, pk=item_id).first()
    if obj is None:
        raise NotFoundError("not found")
    remove(actor=request.user, **{argument: obj})
    return Status(204, None)


class CvIn(Schema):
    text: str
    filename: str = ""


class SuggestionOut(Schema):
    concept_id: int
    uri: str
    label: str
    type: str
    score: float


class CvOut(Schema):
    id: int
    lang: str
    suggestions: list[SuggestionOut]
    confirmed: bool


def _cv_out(document: Any) -> dict[str, Any]:
    return {
        "id": document.pk,
        "lang": document.lang,
        "suggestions": document.suggestions,
        "confirmed": document.confirmed_at is not None,
    }


@router.post("/job-seekers/{id}/profile/cv", response={201: CvOut})
def cv_extract(request: AuthenticatedHttpRequest, id: int, payload: CvIn) -> Any:
    """Extract concepts from CV text; nothing enters the profile until confirmed."""
    person = person_get(request, id, "change_job_seeker")
    document = cv_services.profile_import_from_cv(
        actor=request.user, job_seeker=person, text=payload.text, filename=payload.filename
    )
    return Status(201, _cv_out(document))


class AcceptedIn(Schema):
    concept_id: int
    level: int = Field(cv_services.CV_DEFAULT_LEVEL, ge=1, le=4)
    acquired_on: datetime.date | None = Field(None, description="a card's")
    expires_on: datetime.date | None = Field(None, description="a card's")


class AddedIn(Schema):
    uri: str
    level: int = Field(cv_services.CV_DEFAULT_LEVEL, ge=1, le=4)


class CvLanguageIn(Schema):
    language: str = Field(..., description="ISO 639-1 code")
    level: str = Field(..., description='CEFR A1–C2, or "native"')


class CvConfirmIn(Schema):
    accepted: list[AcceptedIn] = Field(default_factory=list)
    added: list[AddedIn] = Field(default_factory=list)
    languages: list[CvLanguageIn] = Field(default_factory=list)


@router.post("/job-seekers/{id}/profile/cv/{document_id}/confirm", response=ProfileOut)
def cv_confirm(
    request: AuthenticatedHttpRequest, id: int, document_id: int, payload: CvConfirmIn
) -> dict[str, Any]:
    person = person_get(request, id, "change_job_seeker")
    document = selectors.cv_document_get_for_actor(
        actor=request.user, job_seeker=person, id=document_id
    )
    cv_services.profile_import_confirm(
        actor=request.user,
        document=document,
        accepted={a.concept_id: a.level for a in payload.accepted},
        added=[(concept_by_uri(a.uri), a.level) for a in payload.added],
        cards={
            a.concept_id: cv_services.CardDates(a.acquired_on, a.expires_on)
            for a in payload.accepted
        },
        languages=[(entry.language, entry.level) for entry in payload.languages],
    )
    return _profile_out(request, person)

"""JSON API of the job-seeker register, with the same permissions as the pages.

A person the caller may not see answers 404, exactly like a missing one. Every read of a
person's data is written to the access log, as in the UI.
"""

import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from kohtaanto.accounts.models import Municipality, PartnerOrganisation, User
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.models import (
    JobSeeker,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.services import consents as consent_services
from kohtaanto.jobseekers.services import gdpr, register
from kohtaanto.jobseekers.services import participation as participation_services
from kohtaanto.jobseekers.services import plan as plan_services
from kohtaanto.jobseekers.services import profile as profile_services
from kohtaanto.jobseekers.validation import EntryData, ExitData
from kohtaanto.taxonomy.lookup import concept_by_uri

router = Router(tags=["jobseekers"])

MAX_LIMIT = 200


def _person(request: AuthenticatedHttpRequest, id: int, permission: str) -> JobSeeker:
    return selectors.job_seeker_get_for_actor(actor=request.user, id=id, permission=permission)


def _log(request: AuthenticatedHttpRequest, person: JobSeeker, what: str) -> None:
    access_log_record(
        actor=request.user,
        subject=person,
        what=what,
        reason=f"api, role: {request.user.role}",
        path=request.path,
        subject_repr=str(person),
    )


def _municipality(code: str | None) -> Municipality | None:
    if not code:
        return None
    found = Municipality.objects.filter(code=code).first()
    if found is None:
        raise DomainError(f"unknown municipality code {code!r}")
    return found


def _company(request: AuthenticatedHttpRequest, id: int | None) -> Company | None:
    if id is None:
        return None
    return get_object_or_404(selectors.company_choices(actor=request.user), pk=id)


def _partner(id: int | None) -> PartnerOrganisation | None:
    if id is None:
        return None
    return get_object_or_404(PartnerOrganisation, pk=id)


# --- register --------------------------------------------------------------------------------


class JobSeekerListItem(Schema):
    id: int
    name: str
    municipality: str | None


class JobSeekerPage(Schema):
    count: int
    items: list[JobSeekerListItem]


class JobSeekerOut(Schema):
    id: int
    first_name: str
    last_name: str
    municipality: str | None
    preferred_language: str
    email: str | None = None
    phone: str | None = None
    birth_date: datetime.date | None = None
    gender: str | None = None
    status: str | None = None
    external_id: str | None = None
    counsellors: list[str] | None = None
    has_identity_code: bool | None = None
    pseudonymised: bool | None = None


def _person_out(request: AuthenticatedHttpRequest, person: JobSeeker) -> dict[str, Any]:
    can = request.user.permissions
    data: dict[str, Any] = {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "municipality": person.municipality.code if person.municipality else None,
        "preferred_language": person.preferred_language,
    }
    if can.can_view_job_seeker_contact(person):
        data.update(email=person.email, phone=person.phone)
    if can.can_view_job_seeker_record(person):
        data.update(
            birth_date=person.birth_date,
            gender=person.gender,
            status=person.status,
            external_id=person.external_id,
            counsellors=sorted(u.username for u in person.counsellors.all()),
            pseudonymised=person.pseudonymised_at is not None,
        )
    if can.can_view_identity_code(person):
        data["has_identity_code"] = person.has_identity_code
    return data


class ListFilters(Schema):
    q: str = ""
    municipality: str = ""
    status: str = ""
    participation: str = ""
    mine: bool = False
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


@router.get("/job-seekers", response=JobSeekerPage)
def job_seeker_list(
    request: AuthenticatedHttpRequest, filters: Query[ListFilters]
) -> dict[str, Any]:
    """The register as the caller may see it (search by name, external id or identity code)."""
    qs = selectors.job_seeker_list(
        actor=request.user,
        q=filters.q,
        municipality=_municipality(filters.municipality) if filters.municipality else None,
        status=filters.status,
        participation=filters.participation,
        mine=filters.mine,
    )
    page = list(qs[filters.offset : filters.offset + filters.limit])
    if page:
        area = request.user.employment_area
        access_log_record(
            actor=request.user,
            subject=area,  # type: ignore[arg-type]
            what="job_seeker_list",
            reason="ids: " + ",".join(str(p.pk) for p in page),
            path=request.get_full_path(),
            subject_repr=str(area),
        )
    return {
        "count": qs.count(),
        "items": [
            {
                "id": p.pk,
                "name": p.display_name,
                "municipality": p.municipality.code if p.municipality else None,
            }
            for p in page
        ],
    }


class JobSeekerIn(Schema):
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    municipality: str | None = Field(None, description="Statistics Finland municipality code")
    identity_code: str = Field("", description="full code with its century sign")
    birth_date: datetime.date | None = None
    gender: str = Field("", description="woman | man | non_binary | empty; asked, not derived")
    preferred_language: str = "fi"
    external_id: str = ""
    counsellors: list[str] = Field(default_factory=list, description="usernames")


def _counsellors(request: AuthenticatedHttpRequest, usernames: list[str]) -> list[User]:
    found = list(selectors.counsellor_choices(actor=request.user).filter(username__in=usernames))
    missing = set(usernames) - {u.username for u in found}
    if missing:
        raise DomainError(f"unknown counsellors: {', '.join(sorted(missing))}")
    return found


@router.post("/job-seekers", response={201: JobSeekerOut}, exclude_unset=True)
def job_seeker_create(request: AuthenticatedHttpRequest, payload: JobSeekerIn) -> Any:
    request.user.permissions.require("create_job_seeker")
    data = payload.dict()
    data["municipality"] = _municipality(data["municipality"])
    data["counsellors"] = _counsellors(request, data["counsellors"])
    person = register.job_seeker_create(actor=request.user, **data)
    person = _person(request, person.pk, "view_job_seeker")
    return Status(201, _person_out(request, person))


@router.get("/job-seekers/{id}", response=JobSeekerOut, exclude_unset=True)
def job_seeker_detail(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    person = _person(request, id, "view_job_seeker")
    _log(request, person, "basic_data")
    return _person_out(request, person)


class JobSeekerPatch(Schema):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    municipality: str | None = None
    identity_code: str | None = Field(None, description="new code; empty string removes it")
    birth_date: datetime.date | None = None
    gender: str | None = None
    preferred_language: str | None = None
    status: str | None = None
    external_id: str | None = None


@router.patch("/job-seekers/{id}", response=JobSeekerOut, exclude_unset=True)
def job_seeker_update(
    request: AuthenticatedHttpRequest, id: int, payload: JobSeekerPatch
) -> dict[str, Any]:
    """Rectification: only the fields sent are changed, each change is audited."""
    person = _person(request, id, "change_job_seeker")
    data = payload.dict(exclude_unset=True)
    code = data.pop("identity_code", None)
    if "municipality" in data:
        data["municipality"] = _municipality(data["municipality"])
    register.job_seeker_update(actor=request.user, job_seeker=person, identity_code=code, **data)
    return _person_out(request, _person(request, id, "view_job_seeker"))


class CounsellorsIn(Schema):
    counsellors: list[str]


@router.put("/job-seekers/{id}/counsellors", response=JobSeekerOut, exclude_unset=True)
def job_seeker_counsellors(
    request: AuthenticatedHttpRequest, id: int, payload: CounsellorsIn
) -> dict[str, Any]:
    person = _person(request, id, "change_job_seeker")
    register.job_seeker_set_counsellors(
        actor=request.user,
        job_seeker=person,
        counsellors=_counsellors(request, payload.counsellors),
    )
    return _person_out(request, _person(request, id, "view_job_seeker"))


class IdentityCodeOut(Schema):
    identity_code: str


@router.post("/job-seekers/{id}/identity-code", response=IdentityCodeOut)
def identity_code_show(request: AuthenticatedHttpRequest, id: int) -> dict[str, str]:
    """The full identity code; every call is written to the access log."""
    person = _person(request, id, "view_identity_code")
    return {
        "identity_code": register.identity_code_reveal(
            actor=request.user, job_seeker=person, path=request.path, reason="api"
        )
    }


@router.get("/job-seekers/{id}/export")
def job_seeker_export(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    """Everything about the person (GDPR Art. 15); the export is logged."""
    person = _person(request, id, "export_job_seeker_data")
    return gdpr.job_seeker_data_export(actor=request.user, job_seeker=person, path=request.path)


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=200)


@router.post("/job-seekers/{id}/pseudonymise", response=JobSeekerOut, exclude_unset=True)
def job_seeker_pseudonymise(
    request: AuthenticatedHttpRequest, id: int, payload: ReasonIn
) -> dict[str, Any]:
    person = _person(request, id, "pseudonymise_job_seeker")
    gdpr.job_seeker_pseudonymise(actor=request.user, job_seeker=person, reason=payload.reason)
    return _person_out(request, _person(request, id, "view_job_seeker"))


# --- consent ---------------------------------------------------------------------------------


class ConsentOut(Schema):
    id: int
    purpose: str
    partner_organisation: int | None = Field(None, alias="partner_organisation_id")
    company: int | None = Field(None, alias="company_id")
    given_on: datetime.date
    expires_on: datetime.date | None
    withdrawn_on: datetime.date | None
    note: str
    valid_today: bool


class ConsentIn(Schema):
    purpose: str = Field(..., description="processing | share_partner | send_employer")
    partner_organisation: int | None = None
    company: int | None = None
    given_on: datetime.date
    expires_on: datetime.date | None = None
    note: str = ""


def _consent_out(consent: Any, valid_ids: set[int]) -> dict[str, Any]:
    return {
        "id": consent.pk,
        "purpose": consent.purpose,
        "partner_organisation_id": consent.partner_organisation_id,
        "company_id": consent.company_id,
        "given_on": consent.given_on,
        "expires_on": consent.expires_on,
        "withdrawn_on": consent.withdrawn_on,
        "note": consent.note,
        "valid_today": consent.pk in valid_ids,
    }


def _valid_ids(person: JobSeeker) -> set[int]:
    return set(selectors.valid_consents().filter(job_seeker=person).values_list("pk", flat=True))


@router.get("/job-seekers/{id}/consents", response=list[ConsentOut])
def consent_list(request: AuthenticatedHttpRequest, id: int) -> list[dict[str, Any]]:
    person = _person(request, id, "view_job_seeker_record")
    consents = selectors.consent_list(actor=request.user, job_seeker=person)
    _log(request, person, "consents")
    valid = _valid_ids(person)
    return [_consent_out(c, valid) for c in consents]


@router.post("/job-seekers/{id}/consents", response={201: ConsentOut})
def consent_give(request: AuthenticatedHttpRequest, id: int, payload: ConsentIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    consent = consent_services.consent_give(
        actor=request.user,
        job_seeker=person,
        purpose=payload.purpose,
        partner_organisation=_partner(payload.partner_organisation),
        company=_company(request, payload.company),
        given_on=payload.given_on,
        expires_on=payload.expires_on,
        note=payload.note,
    )
    return Status(201, _consent_out(consent, _valid_ids(person)))


@router.post("/job-seekers/{id}/consents/{consent_id}/withdraw", response=ConsentOut)
def consent_withdraw(request: AuthenticatedHttpRequest, id: int, consent_id: int) -> dict[str, Any]:
    person = _person(request, id, "change_job_seeker")
    consent = selectors.consent_get_for_actor(actor=request.user, job_seeker=person, id=consent_id)
    consent = consent_services.consent_withdraw(actor=request.user, consent=consent)
    return _consent_out(consent, _valid_ids(person))


# --- participation ---------------------------------------------------------------------------


class ParticipationOut(Schema):
    id: int
    operation: str
    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None
    isced_level: int | None
    third_country_national: str
    foreign_background: str
    homeless: str
    rural: str
    disability: str | None = None
    minority: str | None = None
    exit_date: datetime.date | None
    exit_job_searching: bool | None
    exit_in_education: bool | None
    exit_qualification: bool | None
    exit_employed: bool | None
    exit_results_on: datetime.date | None
    six_month_employed: bool | None
    six_month_improved: bool | None
    follow_up_due_on: datetime.date | None
    re_entries: list[datetime.date]


def _participation_out(row: selectors.ParticipationView) -> dict[str, Any]:
    p = row.participation
    data = {
        name: getattr(p, name)
        for name in (
            *EntryData.PARTICIPATION_FIELDS,
            *ExitData.field_names(),
            "six_month_employed",
            "six_month_improved",
        )
    }
    data.update(
        id=p.pk,
        operation=p.operation.code,
        follow_up_due_on=row.follow_up_due_on,
        re_entries=[r.re_entry_date for r in row.re_entries],
    )
    if row.special is not None:
        data.update(disability=row.special.disability, minority=row.special.minority)
    return data


def _participation_rows(request: AuthenticatedHttpRequest, person: JobSeeker) -> list[Any]:
    return selectors.participation_list(actor=request.user, job_seeker=person)


@router.get("/job-seekers/{id}/participation", response=list[ParticipationOut], exclude_unset=True)
def participation_list(request: AuthenticatedHttpRequest, id: int) -> list[dict[str, Any]]:
    """ESF+ participations; disability and minority only for those who may see them."""
    person = _person(request, id, "view_job_seeker_record")
    rows = _participation_rows(request, person)
    _log(request, person, "participation")
    if rows and request.user.permissions.can_view_special_category(person):
        _log(request, person, "special_category")
    return [_participation_out(r) for r in rows]


class EntryIn(Schema):
    operation: str | None = Field(None, description="operation code; default: the area's")
    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None = None
    isced_level: int | None = None
    third_country_national: str = ""
    foreign_background: str = ""
    homeless: str = ""
    rural: str = ""
    disability: str = ""
    minority: str = ""


def _participation_result(
    request: AuthenticatedHttpRequest, person: JobSeeker, pk: int
) -> dict[str, Any]:
    rows = _participation_rows(request, person)
    return _participation_out(next(r for r in rows if r.participation.pk == pk))


@router.post(
    "/job-seekers/{id}/participation",
    response={201: ParticipationOut},
    exclude_unset=True,
)
def participation_enter(request: AuthenticatedHttpRequest, id: int, payload: EntryIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    operations = selectors.operation_choices(actor=request.user)
    if payload.operation:
        operation = operations.filter(code=payload.operation).first()
    else:
        operation = selectors.operation_default(area=person.employment_area_id)
    if operation is None:
        raise DomainError(f"unknown operation {payload.operation!r}")
    data = payload.dict(exclude={"operation"})
    if not request.user.permissions.can_change_special_category(person):
        data.update(disability="", minority="")
    p = participation_services.participation_enter(
        actor=request.user, job_seeker=person, operation=operation, data=EntryData(**data)
    )
    return Status(201, _participation_result(request, person, p.pk))


def _participation(request: AuthenticatedHttpRequest, person: JobSeeker, pid: int) -> Any:
    return selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )


class EntryPatch(Schema):
    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None = None
    isced_level: int | None = None
    third_country_national: str = ""
    foreign_background: str = ""
    homeless: str = ""
    rural: str = ""
    disability: str | None = None
    minority: str | None = None


@router.put("/job-seekers/{id}/participation/{pid}", response=ParticipationOut, exclude_unset=True)
def participation_update_entry(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: EntryPatch
) -> dict[str, Any]:
    """Rectify the entry data (all of them are sent). Disability and minority are written
    only when sent and only by those allowed to."""
    person = _person(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    data = payload.dict()
    special = getattr(p, "special_category", None)
    with_special = request.user.permissions.can_change_special_category(person) and (
        data["disability"] is not None or data["minority"] is not None
    )
    for name in EntryData.SPECIAL_FIELDS:
        if data[name] is None or not with_special:
            data[name] = getattr(special, name) if special else ""
    participation_services.participation_update_entry(
        actor=request.user, participation=p, data=EntryData(**data), with_special=with_special
    )
    return _participation_result(request, person, p.pk)


class ExitIn(Schema):
    exit_date: datetime.date
    exit_job_searching: bool | None = None
    exit_in_education: bool | None = None
    exit_qualification: bool | None = None
    exit_employed: bool | None = None
    # The day the situation was reached; without it, the exit day (Annex I: four weeks).
    exit_results_on: datetime.date | None = None


@router.post(
    "/job-seekers/{id}/participation/{pid}/exit", response=ParticipationOut, exclude_unset=True
)
def participation_exit(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: ExitIn
) -> dict[str, Any]:
    person = _person(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    participation_services.participation_exit(
        actor=request.user, participation=p, data=ExitData(**payload.dict())
    )
    return _participation_result(request, person, p.pk)


class FollowUpIn(Schema):
    six_month_employed: bool | None = None
    six_month_improved: bool | None = None


@router.post(
    "/job-seekers/{id}/participation/{pid}/follow-up",
    response=ParticipationOut,
    exclude_unset=True,
)
def participation_follow_up(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: FollowUpIn
) -> dict[str, Any]:
    person = _person(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    participation_services.participation_record_follow_up(
        actor=request.user, participation=p, **payload.dict()
    )
    return _participation_result(request, person, p.pk)


class ReEntryIn(Schema):
    re_entry_date: datetime.date


@router.post(
    "/job-seekers/{id}/participation/{pid}/re-entry",
    response=ParticipationOut,
    exclude_unset=True,
)
def participation_re_entry(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: ReEntryIn
) -> dict[str, Any]:
    """Return into the same operation: the first entry's data stay."""
    person = _person(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    participation_services.participation_re_enter(
        actor=request.user, participation=p, re_entry_date=payload.re_entry_date
    )
    return _participation_result(request, person, p.pk)


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
    person = _person(request, id, "view_job_seeker")
    _log(request, person, "profile")
    return _profile_out(request, person)


class SkillIn(Schema):
    uri: str
    level: int = Field(..., ge=1, le=4)
    source: str = SkillSource.COUNSELLOR
    evidence: str = ""
    assessed_on: datetime.date | None = None


@router.post("/job-seekers/{id}/profile/skills", response={201: ProfileOut})
def profile_skill_set(request: AuthenticatedHttpRequest, id: int, payload: SkillIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    data = payload.dict()
    profile_services.profile_skill_set(
        actor=request.user, job_seeker=person, concept=concept_by_uri(data.pop("uri")), **data
    )
    return Status(201, _profile_out(request, person))


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
    person = _person(request, id, "change_job_seeker")
    data = payload.dict()
    profile_services.requirement_card_set(
        actor=request.user, job_seeker=person, concept=concept_by_uri(data.pop("uri")), **data
    )
    return Status(201, _profile_out(request, person))


class TargetIn(Schema):
    uri: str


@router.post("/job-seekers/{id}/profile/target-occupations", response={201: ProfileOut})
def target_occupation_add(request: AuthenticatedHttpRequest, id: int, payload: TargetIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    profile_services.target_occupation_add(
        actor=request.user, job_seeker=person, concept=concept_by_uri(payload.uri)
    )
    return Status(201, _profile_out(request, person))


class LanguageIn(Schema):
    language: str = Field(..., description="ISO 639-1 code")
    level: str = Field(..., description="CEFR A1–C2")
    is_native: bool = False


@router.post("/job-seekers/{id}/profile/languages", response={201: ProfileOut})
def language_skill_set(request: AuthenticatedHttpRequest, id: int, payload: LanguageIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    profile_services.language_skill_set(actor=request.user, job_seeker=person, **payload.dict())
    return Status(201, _profile_out(request, person))


PROFILE_ITEMS: dict[str, tuple[Any, Any, str]] = {
    "skills": (ProfileSkill, profile_services.profile_skill_remove, "skill"),
    "cards": (RequirementCard, profile_services.requirement_card_remove, "card"),
    "target-occupations": (TargetOccupation, profile_services.target_occupation_remove, "target"),
    "languages": (LanguageSkill, profile_services.language_skill_remove, "skill"),
}


@router.delete("/job-seekers/{id}/profile/{kind}/{item_id}", response={204: None})
def profile_item_remove(request: AuthenticatedHttpRequest, id: int, kind: str, item_id: int) -> Any:
    person = _person(request, id, "change_job_seeker")
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
    person = _person(request, id, "change_job_seeker")
    document = profile_services.profile_import_from_cv(
        actor=request.user, job_seeker=person, text=payload.text, filename=payload.filename
    )
    return Status(201, _cv_out(document))


class AcceptedIn(Schema):
    concept_id: int
    level: int = Field(profile_services.CV_DEFAULT_LEVEL, ge=1, le=4)


class AddedIn(Schema):
    uri: str
    level: int = Field(profile_services.CV_DEFAULT_LEVEL, ge=1, le=4)


class CvConfirmIn(Schema):
    accepted: list[AcceptedIn] = Field(default_factory=list)
    added: list[AddedIn] = Field(default_factory=list)


@router.post("/job-seekers/{id}/profile/cv/{document_id}/confirm", response=ProfileOut)
def cv_confirm(
    request: AuthenticatedHttpRequest, id: int, document_id: int, payload: CvConfirmIn
) -> dict[str, Any]:
    person = _person(request, id, "change_job_seeker")
    document = selectors.cv_document_get_for_actor(
        actor=request.user, job_seeker=person, id=document_id
    )
    profile_services.profile_import_confirm(
        actor=request.user,
        document=document,
        accepted={a.concept_id: a.level for a in payload.accepted},
        added=[(concept_by_uri(a.uri), a.level) for a in payload.added],
    )
    return _profile_out(request, person)


# --- plan, events, timeline ------------------------------------------------------------------


class GoalOut(Schema):
    id: int
    description: str
    target_date: datetime.date | None
    status: str


class ActionOut(Schema):
    id: int
    goal_id: int | None
    description: str
    due_on: datetime.date
    status: str
    completed_on: datetime.date | None


class EventOut(Schema):
    id: int
    kind: str
    occurred_on: datetime.date
    description: str
    training_name: str
    partner_organisation_id: int | None
    company_id: int | None
    referral_status: str
    outcome: str


class PlanOut(Schema):
    goals: list[GoalOut]
    actions: list[ActionOut]


def _plan_out(request: AuthenticatedHttpRequest, person: JobSeeker) -> dict[str, Any]:
    plan = selectors.plan_get(actor=request.user, job_seeker=person)
    return {"goals": plan.goals, "actions": plan.actions}


@router.get("/job-seekers/{id}/plan", response=PlanOut)
def plan_get(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    person = _person(request, id, "view_job_seeker_record")
    _log(request, person, "plan")
    return _plan_out(request, person)


class GoalIn(Schema):
    description: str
    target_date: datetime.date | None = None


@router.post("/job-seekers/{id}/plan/goals", response={201: GoalOut})
def plan_goal_add(request: AuthenticatedHttpRequest, id: int, payload: GoalIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    return Status(
        201, plan_services.plan_goal_add(actor=request.user, job_seeker=person, **payload.dict())
    )


class ActionIn(Schema):
    description: str
    due_on: datetime.date
    goal_id: int | None = None


@router.post("/job-seekers/{id}/plan/actions", response={201: ActionOut})
def plan_action_add(request: AuthenticatedHttpRequest, id: int, payload: ActionIn) -> Any:
    person = _person(request, id, "change_job_seeker")
    goal = None
    if payload.goal_id is not None:
        goal = get_object_or_404(person.goals.all(), pk=payload.goal_id)
    action = plan_services.plan_action_add(
        actor=request.user,
        job_seeker=person,
        description=payload.description,
        due_on=payload.due_on,
        goal=goal,
    )
    return Status(201, action)


class ActionStatusIn(Schema):
    status: str = Field(..., description="open | done | cancelled")
    completed_on: datetime.date | None = None


@router.post("/job-seekers/{id}/plan/actions/{action_id}/status", response=ActionOut)
def plan_action_status(
    request: AuthenticatedHttpRequest, id: int, action_id: int, payload: ActionStatusIn
) -> Any:
    person = _person(request, id, "change_job_seeker")
    action = selectors.plan_action_get_for_actor(
        actor=request.user, job_seeker=person, id=action_id
    )
    return plan_services.plan_action_set_status(actor=request.user, action=action, **payload.dict())


@router.get("/job-seekers/{id}/events", response=list[EventOut])
def event_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    person = _person(request, id, "view_job_seeker_record")
    plan = selectors.plan_get(actor=request.user, job_seeker=person)
    _log(request, person, "plan")
    return plan.events


class EventIn(Schema):
    kind: str = Field(
        ...,
        description="meeting | referral_training | referral_partner | referral_employer | outcome",
    )
    occurred_on: datetime.date
    description: str = ""
    training_name: str = ""
    partner_organisation: int | None = None
    company: int | None = None
    outcome: str = ""


@router.post("/job-seekers/{id}/events", response={201: EventOut})
def event_record(request: AuthenticatedHttpRequest, id: int, payload: EventIn) -> Any:
    """Record a meeting, referral or outcome. A referral to a partner or an employer needs the
    person's valid consent to share with that recipient (409 consent_missing otherwise)."""
    person = _person(request, id, "change_job_seeker")
    data = payload.dict()
    data["partner_organisation"] = _partner(data["partner_organisation"])
    data["company"] = _company(request, data["company"])
    return Status(
        201, plan_services.service_event_record(actor=request.user, job_seeker=person, **data)
    )


class ReferralStatusIn(Schema):
    referral_status: str = Field(..., description="sent | accepted | declined | completed")


@router.post("/job-seekers/{id}/events/{event_id}/referral-status", response=EventOut)
def referral_status(
    request: AuthenticatedHttpRequest, id: int, event_id: int, payload: ReferralStatusIn
) -> Any:
    person = _person(request, id, "change_job_seeker")
    event = selectors.service_event_get_for_actor(
        actor=request.user, job_seeker=person, id=event_id
    )
    return plan_services.referral_set_status(
        actor=request.user, event=event, status=payload.referral_status
    )


class TimelineItemOut(Schema):
    on: datetime.date
    kind: str
    title: str
    detail: str


@router.get("/job-seekers/{id}/timeline", response=list[TimelineItemOut])
def timeline(request: AuthenticatedHttpRequest, id: int) -> Any:
    person = _person(request, id, "view_job_seeker_record")
    items = selectors.timeline(actor=request.user, job_seeker=person)
    _log(request, person, "timeline")
    return items


class WorklistOut(Schema):
    today: datetime.date
    reminders: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    expiring_consents: list[dict[str, Any]]
    overdue_actions: list[dict[str, Any]]
    idle_clients: list[dict[str, Any]]


@router.get("/worklist", response=WorklistOut)
def worklist(
    request: AuthenticatedHttpRequest, idle_days: int = Query(60, ge=1, le=365)
) -> dict[str, Any]:
    """The caller's worklist (the coordinator's covers the whole area)."""
    work = selectors.worklist(actor=request.user, idle_days=idle_days)
    return {
        "today": work.today,
        "reminders": [
            {"job_seeker": r.job_seeker_id, "kind": r.kind, "due_on": r.due_on}
            for r in work.reminders
        ],
        "follow_ups": [
            {"job_seeker": p.job_seeker_id, "participation": p.pk, "exit_date": p.exit_date}
            for p in work.follow_ups
        ],
        "expiring_consents": [
            {"job_seeker": c.job_seeker_id, "consent": c.pk, "expires_on": c.expires_on}
            for c in work.expiring_consents
        ],
        "overdue_actions": [
            {"job_seeker": a.job_seeker_id, "action": a.pk, "due_on": a.due_on}
            for a in work.overdue_actions
        ],
        "idle_clients": [
            {"job_seeker": p.pk, "last_contact_on": p.last_contact_on}  # type: ignore[attr-defined]
            for p in work.idle_clients
        ],
    }

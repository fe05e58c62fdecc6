"""Competence-needs surveys (osaamistarvekartoitus): created and filled in by the advisor, or
answered by the company through a signed link."""

import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    Company,
    CompanyContact,
    CompetenceSurvey,
    Horizon,
    Language,
    NeedSource,
    Priority,
    SurveyChannel,
    SurveyRecruitmentNeed,
    SurveySkillNeed,
    SurveyStatus,
    SurveyUpskillingNeed,
)
from kohtaanto.employers.survey_links import survey_link_token
from kohtaanto.taxonomy.models import Concept, ConceptType

SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE)
MAX_COUNT = 1000


@dataclass
class SkillNeedInput:
    concept: Concept
    horizon: str
    headcount: int = 1
    priority: int = Priority.MEDIUM
    source: str = NeedSource.MANUAL


@dataclass
class RecruitmentInput:
    occupation: Concept
    horizon: str
    count: int = 1


@dataclass
class UpskillingInput:
    concept: Concept
    staff_count: int = 1


@dataclass
class SurveyAnswers:
    respondent_name: str = ""
    free_text: str = ""
    interest_rekrykoulutus: bool = False
    interest_tasmakoulutus: bool = False
    interest_muutoskoulutus: bool = False
    joint_training_notes: str = ""
    skill_needs: list[SkillNeedInput] = field(default_factory=list)
    recruitment_needs: list[RecruitmentInput] = field(default_factory=list)
    upskilling_needs: list[UpskillingInput] = field(default_factory=list)


_PLAIN_FIELDS = (
    "respondent_name",
    "free_text",
    "interest_rekrykoulutus",
    "interest_tasmakoulutus",
    "interest_muutoskoulutus",
    "joint_training_notes",
)


def _check_count(value: int, field_name: str) -> None:
    if not 1 <= value <= MAX_COUNT:
        raise FieldError(field_name, _("Määrän on oltava 1–1000."))


def _check_answers(answers: SurveyAnswers) -> None:
    """Refuse unknown horizons and priorities, counts out of range, concepts of the wrong
    type and the same concept twice in one list."""
    seen: set[int] = set()
    for need in answers.skill_needs:
        if need.concept.type not in SKILL_TYPES:
            raise FieldError(
                "skill_needs", _("{label} ei ole osaaminen.").format(label=need.concept)
            )
        if need.horizon not in Horizon.values:
            raise FieldError("skill_needs", _("Tuntematon aikajänne."))
        if need.priority not in Priority.values:
            raise FieldError("skill_needs", _("Tuntematon tärkeys."))
        if need.source not in NeedSource.values:
            raise FieldError("skill_needs", _("Tuntematon lähde."))
        _check_count(need.headcount, "skill_needs")
        if need.concept.pk in seen:
            raise FieldError(
                "skill_needs", _("{label} on listassa kahdesti.").format(label=need.concept)
            )
        seen.add(need.concept.pk)
    seen = set()
    for recruitment in answers.recruitment_needs:
        if recruitment.occupation.type != ConceptType.OCCUPATION:
            raise FieldError(
                "recruitment_needs",
                _("{label} ei ole ammatti.").format(label=recruitment.occupation),
            )
        if recruitment.horizon not in Horizon.values:
            raise FieldError("recruitment_needs", _("Tuntematon aikajänne."))
        _check_count(recruitment.count, "recruitment_needs")
        if recruitment.occupation.pk in seen:
            raise FieldError(
                "recruitment_needs",
                _("{label} on listassa kahdesti.").format(label=recruitment.occupation),
            )
        seen.add(recruitment.occupation.pk)
    seen = set()
    for upskilling in answers.upskilling_needs:
        if upskilling.concept.type not in SKILL_TYPES:
            raise FieldError(
                "upskilling_needs", _("{label} ei ole osaaminen.").format(label=upskilling.concept)
            )
        _check_count(upskilling.staff_count, "upskilling_needs")
        if upskilling.concept.pk in seen:
            raise FieldError(
                "upskilling_needs",
                _("{label} on listassa kahdesti.").format(label=upskilling.concept),
            )
        seen.add(upskilling.concept.pk)


def _lock(survey: CompetenceSurvey) -> CompetenceSurvey:
    return CompetenceSurvey.objects.select_for_update().select_related("company").get(pk=survey.pk)


@transaction.atomic
def survey_create(
    *, actor: User, company: Company, language: str = Language.FI
) -> CompetenceSurvey:
    """Start a survey for the advisor to fill in (or to send to the company later)."""
    if language not in Language.values:
        raise FieldError("language", _("Tuntematon kieli."))
    survey = CompetenceSurvey.objects.create(company=company, language=language, created_by=actor)
    audit_event_record(
        actor=actor,
        action="survey.create",
        target=survey,
        changes={"company": [None, company.pk], "language": [None, language]},
    )
    return survey


@transaction.atomic
def survey_answers_save(
    *,
    actor: User | None,
    survey: CompetenceSurvey,
    answers: SurveyAnswers,
    submit: bool = False,
) -> CompetenceSurvey:
    """Replace the survey's answers with `answers`.

    `actor` None means the company through its link: it may save while the survey is sent or
    in progress, and `submit` ends its part (status submitted, the advisor's worklist shows
    it). An advisor may save until the survey is completed; `submit` completes it.
    The answer lists are replaced whole, so saving the same answers twice changes nothing
    but the save time.
    """
    survey = _lock(survey)
    by_company = actor is None
    if by_company and survey.status not in (SurveyStatus.SENT, SurveyStatus.IN_PROGRESS):
        raise ConflictError(_("Kartoitukseen on jo vastattu."))
    if survey.status == SurveyStatus.COMPLETED:
        raise ConflictError(_("Kartoitus on jo valmis."))
    _check_answers(answers)
    old_status = survey.status
    now = timezone.now()
    for name in _PLAIN_FIELDS:
        value = getattr(answers, name)
        setattr(survey, name, value.strip() if isinstance(value, str) else value)
    if by_company:
        survey.last_saved_at = now
        if submit:
            survey.status = SurveyStatus.SUBMITTED
            survey.submitted_at = now
        else:
            survey.status = SurveyStatus.IN_PROGRESS
    elif submit:
        survey.status = SurveyStatus.COMPLETED
        survey.completed_at = now
        survey.completed_by = actor
    survey.save(
        update_fields=[
            *_PLAIN_FIELDS,
            "status",
            "last_saved_at",
            "submitted_at",
            "completed_at",
            "completed_by",
            "updated_at",
        ]
    )
    survey.skill_needs.all().delete()
    survey.recruitment_needs.all().delete()
    survey.upskilling_needs.all().delete()
    SurveySkillNeed.objects.bulk_create(
        SurveySkillNeed(
            survey=survey,
            concept=n.concept,
            headcount=n.headcount,
            horizon=n.horizon,
            priority=n.priority,
            source=n.source,
        )
        for n in answers.skill_needs
    )
    SurveyRecruitmentNeed.objects.bulk_create(
        SurveyRecruitmentNeed(
            survey=survey, occupation=r.occupation, count=r.count, horizon=r.horizon
        )
        for r in answers.recruitment_needs
    )
    SurveyUpskillingNeed.objects.bulk_create(
        SurveyUpskillingNeed(survey=survey, concept=u.concept, staff_count=u.staff_count)
        for u in answers.upskilling_needs
    )
    audit_event_record(
        actor=actor,
        action="survey.submit" if submit else "survey.save",
        target=survey,
        target_repr=f"{survey.company} ({_('yrityksen linkki')})" if by_company else None,
        changes={
            "status": [old_status, survey.status],
            "skill_needs": [None, sorted(n.concept.uri for n in answers.skill_needs)],
            "recruitment_needs": [
                None,
                sorted(r.occupation.uri for r in answers.recruitment_needs),
            ],
            "upskilling_needs": [None, sorted(u.concept.uri for u in answers.upskilling_needs)],
        },
    )
    return survey


@transaction.atomic
def survey_link_issue(
    *, actor: User, survey: CompetenceSurvey, language: str
) -> tuple[CompetenceSurvey, str]:
    """Make a new link for the company (older links of this survey stop working) and return
    the survey and the link token. Refused once the company has answered."""
    if language not in Language.values:
        raise FieldError("language", _("Tuntematon kieli."))
    survey = _lock(survey)
    if survey.status in (SurveyStatus.SUBMITTED, SurveyStatus.COMPLETED):
        raise ConflictError(_("Kartoitukseen on jo vastattu; uutta linkkiä ei tarvita."))
    old_status = survey.status
    survey.link_nonce = secrets.token_hex(16)
    survey.language = language
    survey.channel = SurveyChannel.COMPANY
    survey.link_sent_at = timezone.now()
    if survey.status == SurveyStatus.DRAFT:
        survey.status = SurveyStatus.SENT
    survey.save(
        update_fields=["link_nonce", "language", "channel", "link_sent_at", "status", "updated_at"]
    )
    audit_event_record(
        actor=actor,
        action="survey.link_issue",
        target=survey,
        changes={"status": [old_status, survey.status], "language": [None, language]},
    )
    return survey, survey_link_token(survey)


@transaction.atomic
def survey_link_send(
    *, actor: User, survey: CompetenceSurvey, contact: CompanyContact, url: str
) -> None:
    """E-mail the link to a contact of the company who agreed to be contacted (sent after
    the transaction commits, by a background task)."""
    from kohtaanto.employers.tasks import survey_link_email_send

    if contact.company_id != survey.company_id or not contact.is_active:
        raise FieldError("contact", _("Vastaanottajan on oltava yrityksen yhteyshenkilö."))
    if not contact.consent_to_contact:
        raise FieldError("contact", _("Yhteyshenkilö ei ole antanut lupaa yhteydenottoihin."))
    if not contact.email:
        raise FieldError("contact", _("Yhteyshenkilöllä ei ole sähköpostiosoitetta."))
    audit_event_record(
        actor=actor,
        action="survey.link_send",
        target=survey,
        changes={"contact": [None, contact.pk]},
    )
    transaction.on_commit(
        lambda: survey_link_email_send.enqueue(survey_id=survey.pk, contact_id=contact.pk, url=url)
    )


@transaction.atomic
def survey_link_revoke(*, actor: User, survey: CompetenceSurvey) -> CompetenceSurvey:
    """Stop every link of the survey at once."""
    survey = _lock(survey)
    if not survey.link_nonce:
        return survey
    survey.link_nonce = ""
    survey.save(update_fields=["link_nonce", "updated_at"])
    audit_event_record(actor=actor, action="survey.link_revoke", target=survey)
    return survey


@transaction.atomic
def survey_complete(*, actor: User, survey: CompetenceSurvey) -> CompetenceSurvey:
    """The advisor has gone through the answers: the survey is done and leaves the worklist.
    Its link stops working."""
    survey = _lock(survey)
    if survey.status == SurveyStatus.COMPLETED:
        raise ConflictError(_("Kartoitus on jo valmis."))
    old_status = survey.status
    survey.status = SurveyStatus.COMPLETED
    survey.completed_at = timezone.now()
    survey.completed_by = actor
    survey.link_nonce = ""
    survey.save(
        update_fields=["status", "completed_at", "completed_by", "link_nonce", "updated_at"]
    )
    audit_event_record(
        actor=actor,
        action="survey.complete",
        target=survey,
        changes={"status": [old_status, survey.status]},
    )
    return survey


@transaction.atomic
def survey_skill_needs_add(
    *,
    actor: User,
    survey: CompetenceSurvey,
    concepts: list[Concept],
    horizon: str = Horizon.MEDIUM,
    source: str = NeedSource.READINESS,
) -> int:
    """Add skill needs (e.g. those a readiness assessment implies) that the survey does not
    have yet; returns how many were added."""
    survey = _lock(survey)
    if survey.status in (SurveyStatus.SUBMITTED, SurveyStatus.COMPLETED):
        raise ConflictError(_("Valmiiseen kartoitukseen ei voi lisätä tarpeita."))
    existing = set(survey.skill_needs.values_list("concept_id", flat=True))
    new = [c for c in concepts if c.pk not in existing and c.type in SKILL_TYPES]
    SurveySkillNeed.objects.bulk_create(
        SurveySkillNeed(survey=survey, concept=c, horizon=horizon, source=source) for c in new
    )
    if new:
        audit_event_record(
            actor=actor,
            action="survey.skill_needs_add",
            target=survey,
            changes={"skill_needs": [None, sorted(c.uri for c in new)]},
        )
    return len(new)


@transaction.atomic
def survey_create_from_readiness(
    *, actor: User, company: Company, concepts: list[Concept]
) -> CompetenceSurvey:
    """Start a survey whose skill needs are the ones a readiness assessment implies, for the
    advisor to go through with the company."""
    survey = survey_create(actor=actor, company=company)
    survey_skill_needs_add(actor=actor, survey=survey, concepts=concepts)
    return survey

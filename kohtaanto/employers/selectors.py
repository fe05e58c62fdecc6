"""Reads of the employers app, always scoped to the actor's area and role."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Municipality, Role, User
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.querysets import filter_given
from kohtaanto.common.sorting import sort_ordering
from kohtaanto.employers.models import (
    Activity,
    Company,
    CompanyContact,
    CompetenceSurvey,
    FollowUpTask,
    ReadinessAssessment,
    SurveyChannel,
    SurveyStatus,
    Vacancy,
    VacancySkill,
    VacancyState,
)
from kohtaanto.employers.permissions import partner_visible_q
from kohtaanto.employers.readiness import DIMENSIONS, Dimension, implied_skill_uris
from kohtaanto.taxonomy.lookup import concepts_by_uri
from kohtaanto.taxonomy.models import Concept, ConceptType

# How soon a vacancy's closing date must be for it to appear on the worklist.
CLOSING_SOON_DAYS = 14


def _company_scope(actor: User) -> QuerySet[Company]:
    qs = Company.objects.filter(employment_area_id=actor.employment_area_id)
    if actor.role == Role.PARTNER:
        qs = qs.filter(partner_visible_q())
    return qs


def company_list(
    *,
    actor: User,
    q: str = "",
    municipality_id: int | None = None,
    size_class: str = "",
    programme_role: str = "",
    sort: str = "",
) -> QuerySet[Company]:
    """Companies the actor may see, filtered, sorted by a key of COMPANY_SORTS ("-" first for
    descending); a constant number of queries per page."""
    if not actor.permissions.can_view_company_list() or actor.employment_area_id is None:
        raise NotFoundError("not found")
    qs = _company_scope(actor)
    if q:
        qs = qs.filter(Q(name__uicontains=q) | Q(business_id__icontains=q))
    qs = filter_given(
        qs,
        municipality_id=municipality_id,
        size_class=size_class,
        programme_roles__role=programme_role,
    )
    return (
        qs.select_related("municipality", "responsible_advisor")
        .prefetch_related("programme_roles")
        .order_by(
            *sort_ordering(sort, COMPANY_SORTS, nullable={"municipality__name_fi", "employees"})
        )
    )


def company_choices(*, actor: User) -> QuerySet[Company]:
    """The companies of the actor's area by name, for a form's company choice."""
    return Company.objects.filter(employment_area_id=actor.employment_area_id).order_by("name")


COMPANY_SORTS = {
    "name": ("name",),
    "municipality": ("municipality__name_fi", "name"),
    "size": ("employees", "name"),
}
VACANCY_SORTS = {
    "closing": ("closing_date", "-created_at"),
    "title": ("title", "closing_date"),
    "company": ("company__name", "title"),
    "municipality": ("municipality__name_fi", "title"),
}


def company_get_for_actor(*, actor: User, id: int) -> Company:
    """The company if the actor may see it; missing and forbidden give the same NotFoundError."""
    company = (
        Company.objects.select_related("municipality", "responsible_advisor", "employment_area")
        .prefetch_related("programme_roles")
        .filter(pk=id)
        .first()
    )
    if company is None or not actor.permissions.can_view_company(company):
        raise NotFoundError("not found")
    return company


def company_contacts(*, actor: User, company: Company) -> list[CompanyContact]:
    """The contacts the actor may see: counsellors only those who consented to be contacted,
    partner users only those who allowed their details to be given to programme partners."""
    if not actor.permissions.can_view_company_contacts(company):
        return []
    qs = company.contacts.all()
    if actor.role == Role.COUNSELLOR:
        qs = qs.filter(consent_to_contact=True, is_active=True)
    elif actor.role == Role.PARTNER:
        qs = qs.filter(share_with_partners=True, is_active=True)
    return list(qs)


def company_contacts_shown(
    *, actor: User, company: Company, reason: str, path: str
) -> list[CompanyContact]:
    """`company_contacts`, with one access-log row for each contact shown (a contact person's
    name, e-mail and phone are personal data)."""
    contacts = company_contacts(actor=actor, company=company)
    for contact in contacts:
        access_log_record(
            actor=actor,
            subject=contact,
            what="company_contact",
            reason=reason,
            path=path,
            subject_repr=str(contact),
        )
    return contacts


def contact_get_for_actor(*, actor: User, id: int) -> CompanyContact:
    contact = CompanyContact.objects.select_related("company").filter(pk=id).first()
    if contact is None or not actor.permissions.can_change_company(contact.company):
        raise NotFoundError("not found")
    return contact


def task_get_for_actor(*, actor: User, id: int) -> FollowUpTask:
    task = FollowUpTask.objects.select_related("company").filter(pk=id).first()
    if task is None or not actor.permissions.can_change_company(task.company):
        raise NotFoundError("not found")
    return task


def activity_list(*, actor: User, company: Company) -> list[Activity]:
    if not actor.permissions.can_view_company_activities(company):
        return []
    return list(
        company.activities.select_related("created_by").prefetch_related(
            "participants", "contacts", "tasks__assignee"
        )
    )


def task_list(*, actor: User, company: Company) -> list[FollowUpTask]:
    if not actor.permissions.can_view_company_activities(company):
        return []
    return list(company.tasks.select_related("assignee", "done_by"))


def area_staff(*, actor: User, roles: tuple[str, ...]) -> QuerySet[User]:
    """Active users of the actor's area with one of `roles` (participants, assignees)."""
    return User.objects.filter(
        employment_area_id=actor.employment_area_id, role__in=roles, is_active=True
    ).order_by("last_name", "first_name", "username")


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    # Dated events (an assessment day) have no time of day to show.
    date_only: bool = False


def _at_start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def company_timeline(*, actor: User, company: Company) -> list[TimelineEntry]:
    """Everything that happened with the company, newest first, from what the actor may see."""
    entries: list[TimelineEntry] = []
    for activity in activity_list(actor=actor, company=company):
        entries.append(
            TimelineEntry(
                activity.occurred_at,
                activity.get_kind_display(),
                activity.subject,
                activity.agreed,
            )
        )
    for task in task_list(actor=actor, company=company):
        if task.done_at:
            entries.append(TimelineEntry(task.done_at, _("Tehtävä tehty"), task.title))
    if actor.permissions.can_view_company_needs(company):
        for survey in company.surveys.all():
            url = reverse("employers:survey_detail", args=[survey.pk])
            for moment, step in (
                (survey.created_at, _("aloitettu")),
                (survey.link_sent_at, _("linkki lähetetty")),
                (survey.submitted_at, _("yritys vastasi")),
                (survey.completed_at, _("valmis")),
            ):
                if moment:
                    entries.append(TimelineEntry(moment, _("Osaamistarvekartoitus"), step, url=url))
        for assessment in company.readiness_assessments.all():
            entries.append(
                TimelineEntry(
                    _at_start_of(assessment.assessed_on),
                    _("Valmiusarvio"),
                    _("Teollisuus 4.0 -valmiusarvio"),
                    date_only=True,
                )
            )
    if actor.permissions.can_view_vacancy_list():
        for vacancy in company.vacancies.all():
            url = reverse("employers:vacancy_detail", args=[vacancy.pk])
            entries.append(
                TimelineEntry(vacancy.created_at, _("Työpaikka"), vacancy.title, _("luotu"), url)
            )
            if vacancy.published_at:
                entries.append(
                    TimelineEntry(
                        vacancy.published_at, _("Työpaikka"), vacancy.title, _("julkaistu"), url
                    )
                )
            if vacancy.ended_at:
                entries.append(
                    TimelineEntry(
                        vacancy.ended_at,
                        _("Työpaikka"),
                        vacancy.title,
                        vacancy.get_state_display(),
                        url,
                    )
                )
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


def survey_list(*, actor: User, company: Company) -> list[CompetenceSurvey]:
    if not actor.permissions.can_view_company_needs(company):
        return []
    return list(
        company.surveys.prefetch_related(
            "skill_needs__concept", "recruitment_needs__occupation", "upskilling_needs__concept"
        )
    )


def survey_get_for_actor(*, actor: User, id: int) -> CompetenceSurvey:
    survey = (
        CompetenceSurvey.objects.select_related("company", "created_by", "completed_by")
        .prefetch_related(
            "skill_needs__concept", "recruitment_needs__occupation", "upskilling_needs__concept"
        )
        .filter(pk=id)
        .first()
    )
    if survey is None or not actor.permissions.can_view_company_needs(survey.company):
        raise NotFoundError("not found")
    return survey


def assessment_list(*, actor: User, company: Company) -> list[ReadinessAssessment]:
    """Readiness assessments, oldest first (the order a chart of change needs)."""
    if not actor.permissions.can_view_company_needs(company):
        return []
    return list(
        company.readiness_assessments.select_related("assessed_by").order_by("assessed_on", "id")
    )


def _vacancy_scope(actor: User) -> QuerySet[Vacancy]:
    qs = Vacancy.objects.filter(employment_area_id=actor.employment_area_id)
    if actor.role == Role.PARTNER:
        qs = qs.filter(partner_visible_q("company"))
    return qs


def vacancy_list(
    *,
    actor: User,
    q: str = "",
    state: str = "",
    company_id: int | None = None,
    municipality_id: int | None = None,
    sort: str = "",
) -> QuerySet[Vacancy]:
    if not actor.permissions.can_view_vacancy_list() or actor.employment_area_id is None:
        raise NotFoundError("not found")
    qs = _vacancy_scope(actor)
    if q:
        qs = qs.filter(Q(title__uicontains=q) | Q(company__name__uicontains=q))
    qs = filter_given(qs, state=state, company_id=company_id, municipality_id=municipality_id)
    return qs.select_related("company", "municipality", "occupation").order_by(
        *sort_ordering(sort, VACANCY_SORTS, nullable={"closing_date", "municipality__name_fi"})
    )


def vacancy_get_for_actor(*, actor: User, id: int) -> Vacancy:
    vacancy = (
        Vacancy.objects.select_related("company", "municipality", "occupation", "created_by")
        .prefetch_related(
            Prefetch("skills", queryset=VacancySkill.objects.select_related("concept")),
            "requirements__concept",
        )
        .filter(pk=id)
        .first()
    )
    if vacancy is None or not actor.permissions.can_view_vacancy(vacancy):
        raise NotFoundError("not found")
    return vacancy


def company_vacancies(*, actor: User, company: Company) -> list[Vacancy]:
    if not actor.permissions.can_view_vacancy_list():
        return []
    return list(
        _vacancy_scope(actor)
        .filter(company=company)
        .select_related("municipality", "occupation")
        .order_by("-created_at", "-id")
    )


@dataclass
class Worklist:
    overdue_tasks: list[FollowUpTask]
    upcoming_tasks: list[FollowUpTask]
    answered_surveys: list[CompetenceSurvey]
    pending_surveys: list[CompetenceSurvey]
    closing_vacancies: list[Vacancy]


def worklist(*, actor: User, today: date | None = None) -> Worklist:
    """The business advisor's day: own open tasks, companies' survey answers waiting for a
    look, links sent but not answered, and open vacancies whose application period ends soon
    or has ended."""
    actor.permissions.require("view_company_worklist")
    today = today or timezone.localdate()
    tasks = list(
        FollowUpTask.objects.filter(
            assignee=actor,
            done_at__isnull=True,
            company__employment_area_id=actor.employment_area_id,
        ).select_related("company")
    )
    surveys = list(
        CompetenceSurvey.objects.filter(
            company__employment_area_id=actor.employment_area_id,
            channel=SurveyChannel.COMPANY,
            status__in=[SurveyStatus.SENT, SurveyStatus.IN_PROGRESS, SurveyStatus.SUBMITTED],
        )
        .select_related("company")
        .order_by("-submitted_at", "-last_saved_at", "-link_sent_at")
    )
    vacancies = list(
        Vacancy.objects.filter(
            employment_area_id=actor.employment_area_id,
            state=VacancyState.OPEN,
            closing_date__lte=today + timedelta(days=CLOSING_SOON_DAYS),
        )
        .select_related("company")
        .order_by("closing_date")
    )
    return Worklist(
        overdue_tasks=[t for t in tasks if t.due_date < today],
        upcoming_tasks=[t for t in tasks if t.due_date >= today],
        answered_surveys=[s for s in surveys if s.status == SurveyStatus.SUBMITTED],
        pending_surveys=[s for s in surveys if s.status != SurveyStatus.SUBMITTED],
        closing_vacancies=vacancies,
    )


SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE)
OCCUPATION_TYPES = (ConceptType.OCCUPATION,)
REQUIREMENT_TYPES = (ConceptType.REQUIREMENT,)


def area_municipalities(*, actor: User) -> QuerySet[Municipality]:
    return Municipality.objects.filter(area_id=actor.employment_area_id).order_by("name_fi")


@dataclass
class ImpliedNeed:
    dimension: Dimension
    score: int
    concepts: list[Concept]


def readiness_implied_needs(assessment: ReadinessAssessment) -> list[ImpliedNeed]:
    """The skills that the assessment's low-scoring dimensions suggest, lowest score first.
    Skills of the mapping that are not loaded in the taxonomy are left out."""
    threshold, mapping = implied_skill_uris()
    scores = assessment.scores()
    low = sorted((d for d in DIMENSIONS if scores[d.key] <= threshold), key=lambda d: scores[d.key])
    found = concepts_by_uri(uri for d in low for uri in mapping.get(d.key, ()))
    return [
        ImpliedNeed(
            d, scores[d.key], [found[uri] for uri in mapping.get(d.key, ()) if uri in found]
        )
        for d in low
    ]


def concept_usage_count(*, actor: User, concept: Concept) -> int | None:
    """How many vacancies the actor may see ask for `concept` (occupation, skill or hard
    requirement); None when the actor may see no vacancies."""
    if not actor.permissions.can_view_vacancy_list() or actor.employment_area_id is None:
        return None
    return (
        _vacancy_scope(actor)
        .filter(
            Q(occupation=concept) | Q(skills__concept=concept) | Q(requirements__concept=concept)
        )
        .distinct()
        .count()
    )

"""Companies (yritysasiakkaat) of the employment area, their contacts and the advisor's work
with them: activation log, follow-up tasks, competence-needs surveys, Industry 4.0 readiness
assessments and vacancies. One module per part; every model is imported here."""

from kohtaanto.employers.models.companies import (
    Activity,
    ActivityKind,
    Company,
    CompanyContact,
    CompanyProgrammeRole,
    FollowUpTask,
    Language,
    ProgrammeRole,
    SizeClass,
)
from kohtaanto.employers.models.readiness import (
    READINESS_DIMENSIONS,
    ReadinessAssessment,
)
from kohtaanto.employers.models.surveys import (
    CompetenceSurvey,
    Horizon,
    NeedSource,
    Priority,
    SurveyChannel,
    SurveyRecruitmentNeed,
    SurveySkillNeed,
    SurveyStatus,
    SurveyUpskillingNeed,
)
from kohtaanto.employers.models.vacancies import (
    ContractType,
    SkillLevel,
    Vacancy,
    VacancyRequirement,
    VacancySkill,
    VacancyState,
    WagePeriod,
)

__all__ = [
    "READINESS_DIMENSIONS",
    "Activity",
    "ActivityKind",
    "Company",
    "CompanyContact",
    "CompanyProgrammeRole",
    "CompetenceSurvey",
    "ContractType",
    "FollowUpTask",
    "Horizon",
    "Language",
    "NeedSource",
    "Priority",
    "ProgrammeRole",
    "ReadinessAssessment",
    "SizeClass",
    "SkillLevel",
    "SurveyChannel",
    "SurveyRecruitmentNeed",
    "SurveySkillNeed",
    "SurveyStatus",
    "SurveyUpskillingNeed",
    "Vacancy",
    "VacancyRequirement",
    "VacancySkill",
    "VacancyState",
    "WagePeriod",
]

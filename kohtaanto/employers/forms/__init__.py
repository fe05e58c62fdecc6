"""Forms of the employers UI. They parse and check input; services decide and write.

One module per part of the register: companies (and their contacts and activities),
readiness, surveys, vacancies; `datalists` names the lists a page offers to its rows.
"""

from kohtaanto.employers.forms.companies import (
    ActivityForm,
    CompanyFilterForm,
    CompanyForm,
    ContactForm,
)
from kohtaanto.employers.forms.datalists import (
    DATALIST_OCCUPATIONS,
    DATALIST_REQUIREMENTS,
    DATALIST_SKILLS,
)
from kohtaanto.employers.forms.readiness import ReadinessForm
from kohtaanto.employers.forms.surveys import (
    RecruitmentFormSet,
    RecruitmentRowForm,
    SkillNeedFormSet,
    SkillNeedRowForm,
    SurveyForm,
    SurveyLinkForm,
    UpskillingFormSet,
    UpskillingRowForm,
    survey_answers,
)
from kohtaanto.employers.forms.vacancies import (
    VacancyAdForm,
    VacancyFilterForm,
    VacancyForm,
    VacancyRequirementFormSet,
    VacancyRequirementRowForm,
    VacancySkillFormSet,
    VacancySkillRowForm,
    VacancyTransitionForm,
    first_line_title,
    vacancy_data,
)

__all__ = [
    "DATALIST_OCCUPATIONS",
    "DATALIST_REQUIREMENTS",
    "DATALIST_SKILLS",
    "ActivityForm",
    "CompanyFilterForm",
    "CompanyForm",
    "ContactForm",
    "ReadinessForm",
    "RecruitmentFormSet",
    "RecruitmentRowForm",
    "SkillNeedFormSet",
    "SkillNeedRowForm",
    "SurveyForm",
    "SurveyLinkForm",
    "UpskillingFormSet",
    "UpskillingRowForm",
    "VacancyAdForm",
    "VacancyFilterForm",
    "VacancyForm",
    "VacancyRequirementFormSet",
    "VacancyRequirementRowForm",
    "VacancySkillFormSet",
    "VacancySkillRowForm",
    "VacancyTransitionForm",
    "first_line_title",
    "survey_answers",
    "vacancy_data",
]

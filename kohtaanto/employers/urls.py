from django.urls import path

from kohtaanto.employers.views import companies, readiness, surveys, vacancies, worklist

app_name = "employers"
urlpatterns = [
    path("", companies.company_list, name="list"),
    path("new/", companies.company_create, name="company_create"),
    path("<int:pk>/", companies.company_detail, name="company_detail"),
    path("<int:pk>/edit/", companies.company_edit, name="company_edit"),
    path("<int:pk>/contacts/new/", companies.contact_create, name="contact_create"),
    path("contacts/<int:pk>/edit/", companies.contact_edit, name="contact_edit"),
    path("<int:pk>/activities/new/", companies.activity_create, name="activity_create"),
    path("tasks/<int:pk>/done/", companies.task_complete, name="task_complete"),
    path("<int:pk>/surveys/new/", companies.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/link/", surveys.survey_link, name="survey_link"),
    path("surveys/<int:pk>/link/revoke/", surveys.survey_link_revoke, name="survey_link_revoke"),
    path("surveys/<int:pk>/complete/", surveys.survey_complete, name="survey_complete"),
    path("survey/<str:token>/", surveys.public_survey, name="public_survey"),
    path("<int:pk>/readiness/new/", readiness.readiness_create, name="readiness_create"),
    path("<int:pk>/vacancies/new/", vacancies.vacancy_create, name="vacancy_create"),
    path("vacancies/", vacancies.vacancy_list, name="vacancy_list"),
    path("vacancies/from-ad/", vacancies.vacancy_from_ad, name="vacancy_from_ad"),
    path("vacancies/<int:pk>/", vacancies.vacancy_detail, name="vacancy_detail"),
    path("vacancies/<int:pk>/edit/", vacancies.vacancy_edit, name="vacancy_edit"),
    path("vacancies/<int:pk>/state/", vacancies.vacancy_transition, name="vacancy_transition"),
    path("worklist/", worklist.worklist, name="worklist"),
]

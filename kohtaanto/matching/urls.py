from django.urls import path

from kohtaanto.matching import urls_workflow
from kohtaanto.matching.views import rankings

app_name = "matching"

urlpatterns: list = [
    path(
        "job-seekers/<int:pk>/vacancies/",
        rankings.job_seeker_matches,
        name="job-seeker-matches",
    ),
    path("vacancies/<int:pk>/job-seekers/", rankings.vacancy_matches, name="vacancy-matches"),
]

urlpatterns += urls_workflow.urlpatterns

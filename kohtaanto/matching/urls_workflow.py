"""Pages of the shortlist workflow, regional gaps, skill search and gap analysis.

Included into the matching namespace (kohtaanto/matching/urls.py)."""

from django.urls import path

from kohtaanto.matching.views import regional, search, shortlists

urlpatterns = [
    path("shortlists/", shortlists.shortlist_list, name="shortlist_list"),
    path("shortlists/requests/", shortlists.consent_requests, name="consent_requests"),
    path("shortlists/statistics/", shortlists.shortlist_statistics, name="shortlist_statistics"),
    path("shortlists/<int:pk>/", shortlists.shortlist_detail, name="shortlist_detail"),
    path("shortlists/<int:pk>/link/", shortlists.shortlist_link, name="shortlist_link"),
    path(
        "shortlists/<int:pk>/link/revoke/",
        shortlists.shortlist_link_revoke,
        name="shortlist_link_revoke",
    ),
    path(
        "vacancies/<int:vacancy_pk>/propose/",
        shortlists.shortlist_propose,
        name="shortlist_propose",
    ),
    path("candidates/<int:pk>/consent/", shortlists.candidate_consent, name="candidate_consent"),
    path("candidates/<int:pk>/decline/", shortlists.candidate_decline, name="candidate_decline"),
    path("candidates/<int:pk>/withdraw/", shortlists.candidate_withdraw, name="candidate_withdraw"),
    path("shortlist/<str:token>/", shortlists.shortlist_public, name="shortlist_public"),
    path("regional/", regional.regional_gaps, name="regional_gaps"),
    path("regional/export.xlsx", regional.regional_export, name="regional_export"),
    path("search/", search.skill_search, name="skill_search"),
    path("gap/<int:job_seeker_pk>/", search.gap, name="gap"),
]

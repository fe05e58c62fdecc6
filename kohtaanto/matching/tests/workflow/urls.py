"""The project's URLs with the workflow's pages in the matching namespace and its API router
under /api/v1/matching/, so that the tests reach them however the project mounts them."""

from django.urls import include, path
from ninja import NinjaAPI

from kohtaanto.api.auth import BearerTokenAuth, StaffSessionAuth
from kohtaanto.api.urls import api as project_api
from kohtaanto.config.urls import urlpatterns as project_urlpatterns
from kohtaanto.matching import urls as matching_urls
from kohtaanto.matching import urls_workflow
from kohtaanto.matching.api_shortlists import router

api = NinjaAPI(
    title="Kohtaanto API (matching workflow)",
    version="1-workflow",
    urls_namespace="matching-workflow-api",
    auth=[BearerTokenAuth(), StaffSessionAuth()],
    docs_url=None,
)
for exc_class, handler in project_api._exception_handlers.items():
    api.add_exception_handler(exc_class, handler)
api.add_router("", router)

urlpatterns = [
    path("api/v1/matching/", api.urls),
    path(
        "matching/",
        include(([*matching_urls.urlpatterns, *urls_workflow.urlpatterns], "matching")),
    ),
    *project_urlpatterns,
]

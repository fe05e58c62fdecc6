from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_POST

from kohtaanto.config.urls import urlpatterns as project_urls


def refused(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


@require_POST
def post_only(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [
    path("refused/", refused),
    path("post-only/", post_only),
    path("", include(project_urls)),
]

handler403 = "kohtaanto.common.views.forbidden"
handler404 = "kohtaanto.common.views.not_found"

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from kohtaanto.api.urls import api
from kohtaanto.common import views as common_views
from kohtaanto.home import views as home_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("healthz", common_views.healthz, name="healthz"),
    path("favicon.ico", common_views.favicon, name="favicon"),
    path("saavutettavuus/", common_views.accessibility_statement, name="accessibility"),
    path("", home_views.home, name="home"),
    path("search/", include("kohtaanto.home.urls")),
    path("accounts/", include("kohtaanto.accounts.urls")),
    path("audit/", include("kohtaanto.audit.urls")),
    path("taxonomy/", include("kohtaanto.taxonomy.urls")),
    path("extraction/", include("kohtaanto.extraction.urls")),
    path("jobseekers/", include("kohtaanto.jobseekers.urls")),
    path("companies/", include("kohtaanto.employers.urls")),
    path("finance/", include("kohtaanto.finance.urls")),
    path("programme/", include("kohtaanto.programme.urls")),
    path("training/", include("kohtaanto.training.urls")),
    path("matching/", include("kohtaanto.matching.urls")),
    path("admin/", admin.site.urls),
]
if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "kohtaanto.common.views.forbidden"
handler404 = "kohtaanto.common.views.not_found"
handler500 = "kohtaanto.common.views.server_error"

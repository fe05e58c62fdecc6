from django.urls import path

from kohtaanto.training import views

app_name = "training"
urlpatterns = [
    path("", views.home, name="home"),
    path(
        "providers/<int:provider_id>/agreements/new/",
        views.agreement_create,
        name="agreement_create",
    ),
    path(
        "providers/<int:provider_id>/programmes/new/",
        views.programme_create,
        name="programme_create",
    ),
    path("agreements/<int:id>/", views.agreement_detail, name="agreement_detail"),
    path("programmes/<int:id>/", views.programme_detail, name="programme_detail"),
    path("orders/<int:id>/", views.order_detail, name="order_detail"),
    path("orders/<int:id>/confirm/", views.order_confirm, name="order_confirm"),
    path("enrolments/<int:id>/progress/", views.enrolment_progress, name="enrolment_progress"),
    path("plan/", views.plan, name="plan"),
    path("report/", views.report, name="report"),
    path("report.xlsx", views.report_xlsx, name="report_xlsx"),
]

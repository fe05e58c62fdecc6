from django.urls import path

from kohtaanto.training import views

app_name = "training"
urlpatterns = [
    path("", views.home, name="home"),
    path("providers/new/", views.provider_create, name="provider_create"),
    path("providers/<int:id>/", views.provider_detail, name="provider_detail"),
    path(
        "providers/<int:id>/members/<int:user_id>/remove/",
        views.provider_member_remove,
        name="provider_member_remove",
    ),
    path("companies/", views.companies, name="companies"),
    path("companies/<int:id>/", views.company_enterprises, name="company_enterprises"),
    path(
        "enterprise-links/<int:id>/remove/",
        views.enterprise_link_remove,
        name="enterprise_link_remove",
    ),
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
    path("agreements/<int:id>/status/", views.agreement_status, name="agreement_status"),
    path("programmes/<int:id>/", views.programme_detail, name="programme_detail"),
    path("orders/<int:id>/", views.order_detail, name="order_detail"),
    path("orders/<int:id>/confirm/", views.order_confirm, name="order_confirm"),
    path("orders/<int:id>/cancel/", views.order_cancel, name="order_cancel"),
    path(
        "orders/<int:id>/years/<int:year>/book/",
        views.order_year_part_book,
        name="order_year_part_book",
    ),
    path(
        "programmes/<int:id>/employer-invoice/",
        views.employer_invoice,
        name="employer_invoice",
    ),
    path("enrolments/<int:id>/progress/", views.enrolment_progress, name="enrolment_progress"),
    path("plan/", views.plan, name="plan"),
    path("report/", views.report, name="report"),
    path("report.xlsx", views.report_xlsx, name="report_xlsx"),
]

from django.urls import path

from kohtaanto.programme import views

app_name = "programme"
urlpatterns = [
    path("", views.home, name="home"),
    path(
        "operations/<int:operation_id>/companies/",
        views.operation_company_save,
        name="operation_company_save",
    ),
    path(
        "companies/<int:link_id>/remove/",
        views.operation_company_remove,
        name="operation_company_remove",
    ),
    path(
        "implementers/<int:implementer_id>/budget/",
        views.implementer_budget,
        name="implementer_budget",
    ),
    path("operations/<int:operation_id>/budget/", views.budget, name="budget"),
    path(
        "operations/<int:operation_id>/positions/new/", views.position_save, name="position_create"
    ),
    path(
        "operations/<int:operation_id>/positions/<int:position_id>/",
        views.position_save,
        name="position_edit",
    ),
    path(
        "operations/<int:operation_id>/staff/new/",
        views.staff_member_create,
        name="staff_member_create",
    ),
    path(
        "operations/<int:operation_id>/financing/",
        views.financing_plan_save,
        name="financing_plan_save",
    ),
    path(
        "operations/<int:operation_id>/periods/new/",
        views.payment_period_create,
        name="payment_period_create",
    ),
    path("time/", views.time_records, name="time"),
    path("time/<int:record_id>/delete/", views.time_record_delete, name="time_record_delete"),
    path("time/salaries/", views.salary_record, name="salary_record"),
    path("time-sheets/", views.time_sheets, name="time_sheets"),
    path(
        "time-sheets/<int:sheet_id>/countersign/",
        views.time_sheet_countersign,
        name="time_sheet_countersign",
    ),
    path("cost-reports/", views.cost_report_list, name="cost_reports"),
    path("cost-reports/<int:report_id>/", views.cost_report_detail, name="cost_report"),
    path(
        "cost-reports/<int:report_id>/submit/", views.cost_report_submit, name="cost_report_submit"
    ),
    path(
        "cost-reports/<int:report_id>/decision/",
        views.cost_report_decision,
        name="cost_report_decision",
    ),
    path(
        "cost-reports/<int:report_id>/correct/",
        views.cost_report_correct,
        name="cost_report_correct",
    ),
    path(
        "cost-reports/<int:report_id>/export.<str:fmt>",
        views.cost_report_export,
        name="cost_report_export",
    ),
    path("indicators/", views.indicators, name="indicators"),
    path(
        "indicators/<str:code>/participants/",
        views.indicator_participants,
        name="indicator_participants",
    ),
    path("data-quality/", views.data_quality, name="data_quality"),
    path("participants/export/", views.participant_export, name="participant_export"),
    path("activity/", views.activity_list, name="activity_list"),
    path("activity/new/", views.activity_save, name="activity_create"),
    path("activity/partner-report/", views.partner_report, name="partner_report"),
    path("activity/<int:entry_id>/", views.activity_detail, name="activity_detail"),
    path("activity/<int:entry_id>/edit/", views.activity_save, name="activity_edit"),
    path(
        "activity/<int:entry_id>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path(
        "activity/<int:entry_id>/attachments/<int:attachment_id>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("steering-report/", views.steering_report, name="steering_report"),
]

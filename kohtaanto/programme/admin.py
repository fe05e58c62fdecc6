"""Configuration in the admin (superusers only): the dated rules, programmes, operations,
their implementers and payment periods. Day-to-day records go through the pages, whose
services write the audit trail."""

from django.contrib import admin

from kohtaanto.programme.models import (
    Implementer,
    Operation,
    PaymentPeriod,
    Programme,
    ProgrammeRules,
)


@admin.register(ProgrammeRules)
class ProgrammeRulesAdmin(admin.ModelAdmin):
    list_display = [
        "valid_from",
        "flat_rate_percent",
        "annual_hours",
        "small_operation_threshold_eur",
    ]


class OperationInline(admin.TabularInline):
    model = Operation
    fields = ["code", "name", "fund", "start_date", "end_date", "administered_here"]
    extra = 0
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "employment_area", "lead_partner", "start_date", "end_date"]
    inlines = [OperationInline]


class ImplementerInline(admin.TabularInline):
    model = Implementer
    extra = 0


class PaymentPeriodInline(admin.TabularInline):
    model = PaymentPeriod
    extra = 0


@admin.register(Operation)
class OperationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "fund", "employment_area", "is_default", "administered_here"]
    list_filter = ["fund", "employment_area"]
    inlines = [ImplementerInline, PaymentPeriodInline]

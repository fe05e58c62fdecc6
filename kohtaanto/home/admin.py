from django.contrib import admin

from kohtaanto.home.models import IndicatorTarget


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(admin.ModelAdmin):
    list_display = ("operation", "code", "target", "source")
    list_filter = ("operation",)

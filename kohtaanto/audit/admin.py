from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kohtaanto.audit.models import AccessLogEntry, AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "actor_username", "action", "target_type", "target_repr"]
    search_fields = ["actor_username", "action", "target_repr", "target_id"]


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "actor_username", "what", "subject_type", "subject_repr"]
    search_fields = ["actor_username", "what", "subject_repr", "subject_id"]

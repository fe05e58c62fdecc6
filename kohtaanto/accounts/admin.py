from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import (
    ApiToken,
    EmploymentArea,
    Municipality,
    PartnerOrganisation,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "role",
        "employment_area",
        "partner_organisation",
        "is_active",
    ]
    list_filter = ["role", "employment_area", "partner_organisation", "is_active"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            _("Kohtaanto"),
            {"fields": ("role", "employment_area", "partner_organisation", "preferred_language")},
        ),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Kohtaanto"), {"fields": ("role", "employment_area", "partner_organisation")}),
    )


admin.site.register(EmploymentArea)
admin.site.register(Municipality)
admin.site.register(PartnerOrganisation)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "prefix",
        "user",
        "name",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    readonly_fields = ["prefix", "digest", "created_at", "expires_at", "last_used_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # tokens are made with `kohtaanto create-api-token`


admin.site.site_header = "Kohtaanto"
admin.site.site_title = "Kohtaanto"

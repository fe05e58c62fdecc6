from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class AuditConfig(AppConfig):
    name = "kohtaanto.audit"
    label = "audit"
    verbose_name = _("Lokit")
    navigation = [NavItem("audit:search", _("Lokit"), "view_audit", order=800)]

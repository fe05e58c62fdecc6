from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class ExtractionConfig(AppConfig):
    name = "kohtaanto.extraction"
    label = "extraction"
    verbose_name = _("Tekstin tulkinta")
    navigation = [NavItem("extraction:try", _("Tekstin tulkinta"), "use_extraction", order=65)]

    def ready(self) -> None:
        from kohtaanto.extraction import permissions  # noqa: F401  (registers rules)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class TaxonomyConfig(AppConfig):
    name = "kohtaanto.taxonomy"
    label = "taxonomy"
    verbose_name = _("Osaamiskäsitteet")
    navigation = [NavItem("taxonomy:search", _("Osaamiskäsitteet"), "view_taxonomy", order=60)]

    def ready(self) -> None:
        from kohtaanto.taxonomy import permissions  # noqa: F401  (registers rules)

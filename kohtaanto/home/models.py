from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorTarget(models.Model):
    """The target an operation's funding decision sets for one ESF+ common indicator
    (Regulation (EU) 2021/1057 Annex I code, e.g. EECO01), shown against the achieved count
    on the coordinator's home page."""

    operation = models.ForeignKey(
        "programme.Operation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("hanke"),
    )
    code = models.CharField(_("indikaattori"), max_length=10)
    target = models.PositiveIntegerField(_("tavoite"))
    source = models.CharField(_("lähde"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("indikaattorin tavoite")
        verbose_name_plural = _("indikaattorien tavoitteet")
        ordering = ["operation_id", "code"]
        constraints = [
            models.UniqueConstraint(fields=["operation", "code"], name="indicator_target_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.target}"

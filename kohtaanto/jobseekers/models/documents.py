"""Documents the person brings: CVs waiting for their skills to be confirmed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel, recorded_by_field
from kohtaanto.jobseekers.models.job_seeker import JobSeeker


class CvDocument(TimeStampedModel):
    """A CV pasted or uploaded for extraction; its suggestions wait for confirmation."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="cv_documents")
    filename = models.CharField(_("tiedosto"), max_length=255, blank=True)
    text = models.TextField(_("teksti"))
    lang = models.CharField(_("kieli"), max_length=5, blank=True)
    # [{"concept_id", "uri", "label", "type", "score"}], in the engine's order.
    suggestions = models.JSONField(_("ehdotukset"), default=list)
    created_by = recorded_by_field(_("lisääjä"))
    confirmed_at = models.DateTimeField(_("vahvistettu"), null=True, blank=True)

    class Meta:
        verbose_name = _("ansioluettelo")
        verbose_name_plural = _("ansioluettelot")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename or f"#{self.pk}"

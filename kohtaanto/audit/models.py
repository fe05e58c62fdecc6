"""Append-only audit tables: domain events and the personal-data access log.

Neither can be changed or deleted through the application: the model and its queryset refuse,
the admin is read-only, and on PostgreSQL a trigger refuses UPDATE and DELETE as well.

One narrow exception: when a person's retention period ends, their data is scrubbed from the
snapshot and label columns (`SCRUBBABLE_FIELDS`), keeping the event, the actor and the time.
That goes only through `AppendOnlyQuerySet.scrub()`, which the database allows only while the
transaction-local flag `kohtaanto.audit_scrub` is on and only if no other column changes.
"""

from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit rows cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit rows cannot be deleted")

    def scrub(self, **values: Any) -> int:
        """Overwrite personal data in the model's scrubbable columns, nothing else."""
        allowed = set(getattr(self.model, "SCRUBBABLE_FIELDS", ()))
        if not values or not set(values) <= allowed:
            raise AppendOnlyError(f"only {sorted(allowed)} can be scrubbed")
        # The database triggers let the update through only inside this permit: a
        # transaction-local setting on PostgreSQL (migration 0004), a permit row on SQLite (0005).
        with transaction.atomic(using=self.db):
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("SELECT set_config('kohtaanto.audit_scrub', 'on', true)")
                elif connection.vendor == "sqlite":
                    cursor.execute(
                        "INSERT INTO kohtaanto_audit_scrub_permit (opened_at) VALUES "
                        "(datetime('now'))"
                    )
            try:
                return super().update(**values)
            finally:
                with connection.cursor() as cursor:
                    if connection.vendor == "postgresql":
                        cursor.execute("SELECT set_config('kohtaanto.audit_scrub', 'off', true)")
                    elif connection.vendor == "sqlite":
                        cursor.execute("DELETE FROM kohtaanto_audit_scrub_permit")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit rows cannot be deleted")


class AuditEvent(AppendOnlyModel):
    """Who did what to which object, with old → new values, written by a service."""

    occurred_at = models.DateTimeField(_("aika"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
        verbose_name=_("tekijä"),
    )
    actor_username = models.CharField(_("käyttäjätunnus"), max_length=150, blank=True)
    action = models.CharField(_("toimenpide"), max_length=100, db_index=True)
    target_type = models.CharField(_("kohteen tyyppi"), max_length=100, db_index=True)
    target_id = models.CharField(_("kohteen tunniste"), max_length=64, db_index=True)
    target_repr = models.CharField(_("kohde"), max_length=255, blank=True)
    changes = models.JSONField(_("muutokset"), default=dict, blank=True)

    SCRUBBABLE_FIELDS = ("changes", "target_repr")

    class Meta:
        verbose_name = _("tapahtuma")
        verbose_name_plural = _("tapahtumat")
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"


class AccessLogEntry(AppendOnlyModel):
    """A read of a person's data: who saw what of whom, when and why."""

    occurred_at = models.DateTimeField(_("aika"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
        verbose_name=_("katsoja"),
    )
    actor_username = models.CharField(_("käyttäjätunnus"), max_length=150, blank=True)
    subject_type = models.CharField(_("henkilön tyyppi"), max_length=100, db_index=True)
    subject_id = models.CharField(_("henkilön tunniste"), max_length=64, db_index=True)
    subject_repr = models.CharField(_("henkilö"), max_length=255, blank=True)
    what = models.CharField(_("mitä nähtiin"), max_length=100)
    reason = models.CharField(_("peruste"), max_length=255, blank=True)
    path = models.CharField(_("osoite"), max_length=500, blank=True)
    # The client's address as the trusted proxies report it (common.client_address).
    client_address = models.GenericIPAddressField(_("asiakkaan osoite"), null=True, blank=True)

    SCRUBBABLE_FIELDS = ("subject_repr", "reason", "path")

    class Meta:
        verbose_name = _("henkilötietojen katselu")
        verbose_name_plural = _("henkilötietojen katselut")
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.what}"

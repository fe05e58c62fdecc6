"""The participant-level list for the lead partner and EURA 2021: one row per participation
with every Annex I item and its dates, the identity code only for a role allowed to see it,
every export logged, Excel and CSV for Finnish Excel."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.jobseekers.identity import identity_code_digest, identity_code_encrypt
from kohtaanto.jobseekers.models import ParticipationSpecialCategory
from kohtaanto.jobseekers.tests.factories import (
    JobSeekerFactory,
    ParticipationFactory,
    identity_code_for,
)
from kohtaanto.programme.selectors.participants import COLUMNS

URL = "/programme/participants/export/"


@pytest.fixture
def participants(operation):
    code = identity_code_for(date(2008, 2, 29))
    person = JobSeekerFactory(
        birth_date=date(2008, 2, 29),
        identity_code_encrypted=identity_code_encrypt(code),
        identity_code_digest=identity_code_digest(code),
    )
    first = ParticipationFactory(
        job_seeker=person,
        operation=operation,
        entry_date=date(2026, 3, 1),
        birth_date=date(2008, 2, 29),
        gender="woman",
        exit_date=date(2026, 3, 31),
        exit_employed=True,
    )
    ParticipationSpecialCategory.objects.create(participation=first, disability="yes")
    ParticipationFactory(
        operation=operation, entry_date=date(2026, 4, 2), gender="man", rural="refused"
    )
    return code, first


def _query(operation, fmt, identity=False):
    q = f"?operation={operation.pk}&start=2026-01-01&end=2026-06-30&format={fmt}"
    return q + ("&identity_code=1" if identity else "")


def test_excel_has_one_row_per_participation_with_every_annex_i_item(
    client_as, operation, participants
):
    response = client_as(Role.COORDINATOR).get(URL + _query(operation, "xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert "Aloituspäivä" in headers and "Henkilötunnus" not in headers
    assert len(rows) == 3
    by_header = dict(zip(headers, rows[1], strict=True))
    assert by_header["Sukupuoli"] == "Nainen"  # labels, never raw codes
    assert by_header["Ikä aloitettaessa"] == 18  # born 29.2.2008, entered 1.3.2026
    assert by_header["Vamma"] == "Kyllä"
    assert by_header["Työssä päättyessä"] == "Kyllä"
    assert by_header["Päättymispäivä"].date() == date(2026, 3, 31)
    assert len(headers) == len(COLUMNS) - 1
    assert not any(v in ("woman", "unemployed", "yes") for row in rows for v in row)


def test_identity_code_only_when_asked_and_the_export_is_logged(client_as, operation, participants):
    code, first = participants
    client = client_as(Role.COORDINATOR)
    body = client.get(URL + _query(operation, "csv", identity=True)).content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][1] == "Henkilötunnus"
    assert rows[1][1] == code  # the full code, century sign kept
    assert rows[1][rows[0].index("Aloituspäivä")] == "1.3.2026"
    logged = AccessLogEntry.objects.filter(what="esf_participant_export+identity_code")
    assert logged.count() == 2
    assert str(first.job_seeker_id) in set(logged.values_list("subject_id", flat=True))
    event = AuditEvent.objects.get(action="programme.participants.export")
    assert event.changes["rows"][1] == 2 and event.changes["identity_code"][1] is True


@pytest.mark.parametrize(
    "role", [Role.COUNSELLOR, Role.AUDITOR, Role.FINANCE, Role.BUSINESS_ADVISOR, Role.PARTNER]
)
def test_other_roles_cannot_export_participants(role, client_as, operation, participants, kpedu):
    extra = {"partner_organisation": kpedu} if role == Role.PARTNER else {}
    response = client_as(role, **extra).get(URL + _query(operation, "csv", identity=True))
    assert response.status_code in (403, 404)
    assert not AccessLogEntry.objects.filter(what__startswith="esf_participant_export").exists()

"""Personal identity codes (henkilötunnus): validation, encryption at rest, duplicate digest.

Since 2023 the century sign (-, Y, X, W, V, U for the 1900s; A–F for the 2000s; + for the
1800s) is part of what tells two people apart: two codes that differ only by the sign belong to
two different people. The full code is therefore validated, stored and compared as entered
(upper-cased, surrounding spaces removed), never with the sign normalised.

The code is encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under a key derived from
`settings.FIELD_ENCRYPTION_KEY` (jobseekers.encryption, which also says how the key is
rotated); duplicates are found through an HMAC-SHA256 digest keyed by the same material, so
the database never holds the code in clear.

Temporary identity numbers (individual number 900–999, given by authorities to people without
a permanent code) are accepted: such people are clients too. The demo data uses only this
range, so no generated code can be a real person's.
"""

import datetime
import hashlib
import hmac
import re
from functools import lru_cache

from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import hetu

from kohtaanto.common.errors import DomainError
from kohtaanto.jobseekers.encryption import current_key_material, field_decrypt, field_encrypt

CENTURIES = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}
CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_PARTS = re.compile(r"^(\d\d)(\d\d)(\d\d)([-+A-FU-Y])(\d\d\d)([0-9A-Y])$")


class InvalidIdentityCodeError(DomainError):
    code = "invalid_identity_code"


def identity_code_clean(raw: str) -> str:
    """The validated full code, century sign kept; raises InvalidIdentityCodeError."""
    try:
        return str(hetu.validate(raw.strip(), allow_temporary=True))
    except StdnumValidationError as exc:
        raise InvalidIdentityCodeError(
            _("Henkilötunnus ei ole kelvollinen (tarkista päivämäärä, välimerkki ja tarkiste).")
        ) from exc


def identity_code_birth_date(code: str) -> datetime.date:
    """The birth date written in a valid code: a suggestion for the form, never a fact."""
    match = _PARTS.match(code)
    if match is None:
        raise InvalidIdentityCodeError(_("Henkilötunnus ei ole kelvollinen."))
    day, month, year, sign = match.group(1), match.group(2), match.group(3), match.group(4)
    return datetime.date(CENTURIES[sign] + int(year), int(month), int(day))


def identity_code_build(birth_date: datetime.date, serial: int, *, sign: str = "") -> str:
    """A code with a valid check character, for test and demo data (serial 900–999 only)."""
    if not 900 <= serial <= 999:
        raise ValueError("generated codes must use the temporary range 900–999")
    century = (birth_date.year // 100) * 100
    signs = [s for s, c in CENTURIES.items() if c == century]
    if not signs or (sign and sign not in signs):
        raise ValueError(f"no century sign {sign!r} for year {birth_date.year}")
    body = f"{birth_date:%d%m}{birth_date.year % 100:02d}"
    check = CHECK_CHARACTERS[int(f"{body}{serial:03d}") % 31]
    return f"{body}{sign or signs[0]}{serial:03d}{check}"


@lru_cache(maxsize=4)
def _digest_key(material: bytes) -> bytes:
    # A separate key from the same material: the digest reveals nothing about the cipher key.
    return hashlib.sha256(b"kohtaanto.identity_code.digest\x00" + material).digest()


def identity_code_encrypt(code: str) -> str:
    return field_encrypt(code)


def identity_code_decrypt(token: str) -> str:
    return field_decrypt(token)


def identity_code_digest(code: str) -> str:
    """HMAC-SHA256 of the full code (sign included): equal only for the very same code."""
    return hmac.new(_digest_key(current_key_material()), code.encode(), hashlib.sha256).hexdigest()

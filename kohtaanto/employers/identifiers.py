"""Finnish business identifiers (Y-tunnus)."""

import re

from django.utils.translation import gettext as _
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import ytunnus

# Business ids issued before 1991 are often written with six digits; the register pads
# them with a leading zero ("123456-7" is "0123456-7").
_OLD_FORM = re.compile(r"^\d{6}-\d$")


class InvalidBusinessIdError(ValueError):
    pass


def business_id_normalise(value: str) -> str:
    """The formatted nine-character Y-tunnus ("1234567-8").

    Raises InvalidBusinessIdError with a message for the user.
    """
    text = (value or "").strip().replace(" ", "")
    if _OLD_FORM.match(text):
        text = "0" + text
    try:
        return str(ytunnus.format(ytunnus.validate(text)))
    except InvalidChecksum as exc:
        raise InvalidBusinessIdError(
            _("Y-tunnuksen tarkistusnumero ei täsmää: {value}.").format(value=value)
        ) from exc
    except InvalidLength as exc:
        raise InvalidBusinessIdError(
            _("Y-tunnuksessa on väärä määrä numeroita: {value}.").format(value=value)
        ) from exc
    except StdnumValidationError as exc:
        raise InvalidBusinessIdError(
            _("Y-tunnus on muotoa 1234567-8: {value}.").format(value=value)
        ) from exc

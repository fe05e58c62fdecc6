"""Permission rules of this app (see kohtaanto.accounts.permissions).

The taxonomy is reference data without personal data: every staff role may search and read it.
"""

from kohtaanto.accounts.permissions import ALL_STAFF, role_rule

role_rule("view_taxonomy", *ALL_STAFF)

"""Permission rules of this app (see kohtaanto.accounts.permissions).

Every staff role may have text interpreted: counsellors paste CVs, business advisors job ads
and survey answers, partner users course descriptions. Interpreting stores nothing; the calling
app decides what is kept.
"""

from kohtaanto.accounts.permissions import ALL_STAFF, role_rule

role_rule("use_extraction", *ALL_STAFF)

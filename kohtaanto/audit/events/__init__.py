"""Event types of the audit log in words: a translated name for each `action` and a sentence
that says who did what ("Tiina Talous maksoi 2 520,00 € sitoumuksesta …").

Services write `action` codes ("payment.record"); this table is the one place that turns them
into language. A code missing here (an event type added later) still reads as a sentence,
with the code as its name, and `tests` check that every code the services write is here.

Placeholders: `%(actor)s` the person's name, `%(target)s` the object as recorded, `%(amount)s`
the euro amount of a money event (see `audit.presentation.event_amount`).
"""

from kohtaanto.audit.events import (
    accounts,
    employers,
    finance,
    jobseekers,
    matching,
    programme,
    training,
)
from kohtaanto.audit.events.types import EventType
from kohtaanto.audit.events.words import ACCESS_WHAT, CHANGE_LABELS

# One table per app that writes the events; a code is written by one app only.
EVENT_TYPES: dict[str, EventType] = {
    **accounts.EVENT_TYPES,
    **employers.EVENT_TYPES,
    **finance.EVENT_TYPES,
    **jobseekers.EVENT_TYPES,
    **matching.EVENT_TYPES,
    **programme.EVENT_TYPES,
    **training.EVENT_TYPES,
}

__all__ = ["ACCESS_WHAT", "CHANGE_LABELS", "EVENT_TYPES", "EventType"]

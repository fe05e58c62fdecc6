"""The shape of an event type: its translated name and the sentence that tells the event."""

from typing import NamedTuple

from django.utils.functional import Promise


class EventType(NamedTuple):
    name: Promise
    sentence: Promise

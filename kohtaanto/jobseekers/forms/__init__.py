"""Forms: input parsing and display only; the rules live in services and validation.py.

One module per part of the person's pages: `register`, `record` (consents, ESF+
participation), `profile` and `plan`; `fields` holds the fields they share.
"""

from kohtaanto.jobseekers.forms.fields import tri_state_initial
from kohtaanto.jobseekers.forms.plan import (
    ActionForm,
    ActionStatusForm,
    EventForm,
    GoalForm,
    GoalStatusForm,
    ReferralStatusForm,
)
from kohtaanto.jobseekers.forms.profile import (
    CV_ADD_TYPES,
    CardForm,
    CvConfirmForm,
    CvForm,
    LanguageForm,
    SkillForm,
    TargetForm,
)
from kohtaanto.jobseekers.forms.record import (
    ISCED_CHOICES,
    ConsentForm,
    EntryForm,
    ExitForm,
    FollowUpForm,
    ReEntryForm,
)
from kohtaanto.jobseekers.forms.register import (
    CounsellorsForm,
    JobSeekerForm,
    JobSeekerListForm,
    PseudonymiseForm,
    WorklistForm,
)

__all__ = [
    "CV_ADD_TYPES",
    "ISCED_CHOICES",
    "ActionForm",
    "ActionStatusForm",
    "CardForm",
    "ConsentForm",
    "CounsellorsForm",
    "CvConfirmForm",
    "CvForm",
    "EntryForm",
    "EventForm",
    "ExitForm",
    "FollowUpForm",
    "GoalForm",
    "GoalStatusForm",
    "JobSeekerForm",
    "JobSeekerListForm",
    "LanguageForm",
    "PseudonymiseForm",
    "ReEntryForm",
    "ReferralStatusForm",
    "SkillForm",
    "TargetForm",
    "WorklistForm",
    "tri_state_initial",
]

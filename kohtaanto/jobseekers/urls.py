from django.urls import path

from kohtaanto.jobseekers.views import people, plan, profile, record, work

app_name = "jobseekers"
urlpatterns = [
    path("", people.job_seeker_list, name="list"),
    path("new/", people.job_seeker_create_view, name="create"),
    path("worklist/", work.worklist, name="worklist"),
    path("summary/", work.participation_summary, name="participation-summary"),
    path("<int:pk>/", people.job_seeker_detail, name="detail"),
    path("<int:pk>/edit/", people.job_seeker_edit, name="edit"),
    path("<int:pk>/counsellors/", people.job_seeker_counsellors, name="counsellors"),
    path("<int:pk>/identity-code/", people.identity_code_show, name="identity-code"),
    path("<int:pk>/export/", people.job_seeker_export, name="export"),
    path("<int:pk>/pseudonymise/", people.job_seeker_pseudonymise_view, name="pseudonymise"),
    path("<int:pk>/consents/", record.consents, name="consents"),
    path(
        "<int:pk>/consents/<int:cid>/withdraw/",
        record.consent_withdraw_view,
        name="consent-withdraw",
    ),
    path("<int:pk>/participation/", record.participation, name="participation"),
    path(
        "<int:pk>/participation/enter/",
        record.participation_enter_view,
        name="participation-enter",
    ),
    path(
        "<int:pk>/participation/<int:pid>/edit/",
        record.participation_edit,
        name="participation-edit",
    ),
    path(
        "<int:pk>/participation/<int:pid>/exit/",
        record.participation_exit_view,
        name="participation-exit",
    ),
    path(
        "<int:pk>/participation/<int:pid>/follow-up/",
        record.participation_follow_up,
        name="participation-follow-up",
    ),
    path(
        "<int:pk>/participation/<int:pid>/re-entry/",
        record.participation_re_entry,
        name="participation-re-entry",
    ),
    path("<int:pk>/profile/", profile.profile, name="profile"),
    path("<int:pk>/profile/skills/", profile.skill_add, name="skill-add"),
    path("<int:pk>/profile/cards/", profile.card_add, name="card-add"),
    path("<int:pk>/profile/targets/", profile.target_add, name="target-add"),
    path("<int:pk>/profile/languages/", profile.language_add, name="language-add"),
    path(
        "<int:pk>/profile/<slug:kind>/<int:item>/remove/",
        profile.item_remove,
        name="profile-remove",
    ),
    path("<int:pk>/profile/cv/", profile.cv_upload, name="cv-upload"),
    path("<int:pk>/profile/cv/<int:did>/", profile.cv_confirm, name="cv-confirm"),
    path("<int:pk>/plan/", plan.plan, name="plan"),
    path("<int:pk>/plan/goals/", plan.goal_add, name="goal-add"),
    path("<int:pk>/plan/goals/<int:gid>/status/", plan.goal_status, name="goal-status"),
    path("<int:pk>/plan/actions/", plan.action_add, name="action-add"),
    path("<int:pk>/plan/actions/<int:aid>/status/", plan.action_status, name="action-status"),
    path("<int:pk>/plan/events/", plan.event_add, name="event-add"),
    path(
        "<int:pk>/plan/events/<int:eid>/status/",
        plan.referral_status,
        name="referral-status",
    ),
    path("<int:pk>/timeline/", plan.timeline, name="timeline"),
]

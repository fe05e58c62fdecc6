"""Background work of the employers app."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from kohtaanto.employers.models import CompanyContact, CompetenceSurvey
from kohtaanto.employers.survey_links import link_expires_at


@task()
def survey_link_email_send(*, survey_id: int, contact_id: int, url: str) -> None:
    """Send a survey link to a company contact, in the contact's language."""
    survey = CompetenceSurvey.objects.select_related("company").get(pk=survey_id)
    contact = CompanyContact.objects.get(pk=contact_id, company_id=survey.company_id)
    with translation.override(contact.preferred_language):
        context = {
            "contact": contact,
            "company": survey.company,
            "url": url,
            "expires_at": link_expires_at(survey),
        }
        send_mail(
            subject=_("Osaamistarvekartoitus: {company}").format(company=survey.company.name),
            message=render_to_string("employers/email/survey_link.txt", context),
            from_email=None,
            recipient_list=[contact.email],
        )

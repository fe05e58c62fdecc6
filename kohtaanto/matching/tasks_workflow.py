"""Background work of the shortlist workflow (e-mail of the company link)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from kohtaanto.matching.models import Shortlist


@task()
def shortlist_link_email_send(*, shortlist_id: int, url: str) -> None:
    """E-mail the shortlist's link to its company contact, in the link's language."""
    from kohtaanto.matching.shortlists.link import link_expires_at

    shortlist = Shortlist.objects.select_related("vacancy__company", "contact").get(pk=shortlist_id)
    contact = shortlist.contact
    if contact is None or not contact.email:
        return
    with translation.override(shortlist.link_language):
        send_mail(
            subject=_("Ehdokkaat tehtävään %(title)s") % {"title": shortlist.vacancy.title},
            message=render_to_string(
                "matching/email/shortlist_link.txt",
                {
                    "contact": contact,
                    "vacancy": shortlist.vacancy,
                    "url": url,
                    "expires_at": link_expires_at(shortlist),
                },
            ),
            from_email=None,
            recipient_list=[contact.email],
        )

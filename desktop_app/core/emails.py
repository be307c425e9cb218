"""E-mail syntax checks and normalisation with email-validator, offline.

Deliverability checks (DNS lookups) are off: this is an offline editor, and a lookup would both
freeze on a bad network and reject every address when there is none. ``normalise_email`` is the
implementation of the domain's EmailNormaliser port that ``bootstrap`` injects.

email-validator words its refusals in English; the common ones are our messages too (the same
English, translated), so the window says them in its language. Any other is kept as the library
says it, inside a sentence the translation may word ("{reason}").
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.messages import Message, Texts


class EmailCheck(Texts):
    """The translation context of the e-mail syntax messages."""


def _known() -> dict[str, Message]:
    """email-validator's fixed messages (email-validator 2), by their English text."""
    said = (
        EmailCheck.tr("An email address must have an @-sign."),
        EmailCheck.tr("There must be something after the @-sign."),
        EmailCheck.tr("There must be something before the @-sign."),
        EmailCheck.tr("The part after the @-sign is not valid. It should have a period."),
        EmailCheck.tr("An email address cannot have two periods in a row."),
        EmailCheck.tr("An email address cannot have a period immediately after the @-sign."),
        EmailCheck.tr("An email address cannot have a period immediately before the @-sign."),
        EmailCheck.tr("An email address cannot start with a period."),
        EmailCheck.tr("An email address cannot end with a period."),
        EmailCheck.tr("An email address cannot have a hyphen immediately after the @-sign."),
        EmailCheck.tr("A bracketed IP address after the @-sign is not allowed here."),
    )
    return {message.template: message for message in said}


KNOWN = _known()


def email_message(reason: str) -> Message:
    """email-validator's ``reason`` as our message: translated when we know it."""
    return KNOWN.get(reason) or EmailCheck.tr("{reason}", reason=reason)


def normalise_email(value: str) -> str:
    """Return the normalised address (domain lower-cased) or raise ValidationError('email')."""
    try:
        info = validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValidationError("email", email_message(str(error))) from None
    return str(info.normalized)

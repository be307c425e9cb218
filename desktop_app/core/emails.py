"""E-mail syntax checks and normalisation with email-validator, offline.

Deliverability checks (DNS lookups) are off: this is an offline editor, and a lookup would both
freeze on a bad network and reject every address when there is none. ``normalise_email`` is the
implementation of the domain's EmailNormaliser port that ``bootstrap`` injects.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from desktop_app.domain.errors import ValidationError


def normalise_email(value: str) -> str:
    """Return the normalised address (domain lower-cased) or raise ValidationError('email')."""
    try:
        info = validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValidationError("email", str(error)) from None
    return str(info.normalized)

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdatePostDTO, UpdateUserDTO
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.unset import UNSET
from desktop_app.domain.validation import (
    check_bio,
    check_content,
    check_email,
    check_password,
    check_title,
    check_username,
    validate_create_post,
    validate_create_user,
    validate_update_post,
    validate_update_user,
)

# Characters no backend can store: NUL (PostgreSQL refuses it) and lone surrogates (no UTF-8
# encoding), as a broken paste delivers them.
NUL = "\x00"
SURROGATES = "\ud800\udbff\udc00\udfff"
# Letters whose case does not map one to one, or only outside ASCII: validation must keep each
# exactly as typed (uniqueness folds case elsewhere, in the repository).
CASE_PAIRS = "ÄäÖößẞΣσςİıǄǅǆÅå"

# Every code point, surrogates (category Cs) included, with the troublemakers drawn often
# enough to meet them in every run; and the same without NUL and surrogates.
any_char = st.one_of(
    st.characters(exclude_categories=()),
    st.sampled_from(NUL + SURROGATES + CASE_PAIRS),
)
any_text = st.text(any_char, max_size=40)
storable_char = st.one_of(
    st.characters(exclude_categories=("Cs",), exclude_characters=NUL), st.sampled_from(CASE_PAIRS)
)
storable_text = st.text(storable_char, max_size=40)


def _email(value: str) -> str:
    return check_email(value, normalise_email)


# field name -> its check, for the properties every text field shares
CHECKS: dict[str, Callable[[str], object]] = {
    "email": _email,
    "username": check_username,
    "password": check_password,
    "bio": check_bio,
    "title": check_title,
    "content": check_content,
}


@pytest.mark.parametrize("name", ["ann", "Ann_B.c-d", "x" * 50, "a1.", "  bob  "])
def test_valid_usernames_are_trimmed_and_kept(name: str) -> None:
    assert check_username(name) == name.strip()


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("", "required"),
        ("ab", "3-50"),
        ("x" * 51, "3-50"),
        ("ann smith", "only letters"),
        ("ann@home", "only letters"),
        ("jörg", "only letters"),
    ],
)
def test_bad_usernames_say_why(name: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_username(name)
    assert caught.value.field == "username"
    assert fragment in caught.value.message


def test_email_is_normalised_offline() -> None:
    # No DNS lookup happens: an offline machine must accept a well-formed address.
    assert normalise_email("Ann@Example.ORG") == "Ann@example.org"


@pytest.mark.parametrize("email", ["no-at-sign", "a@b", "two@@example.org", "a b@example.org"])
def test_bad_email_names_the_field(email: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_email(email)
    assert caught.value.field == "email"
    assert caught.value.message


@pytest.mark.parametrize(
    ("password", "fragment"),
    [("", "required"), ("        ", "required"), ("short", "at least 8"), ("x" * 129, "at most")],
)
def test_password_policy(password: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_password(password)
    assert caught.value.field == "password"
    assert fragment in caught.value.message


def test_long_passwords_beyond_bcrypts_72_bytes_are_allowed() -> None:
    assert check_password("é" * 100) == "é" * 100


def test_title_rules() -> None:
    assert check_title("  Hello ") == "Hello"
    assert check_title("x" * 255) == "x" * 255
    for bad in ("", "   ", "x" * 256):
        with pytest.raises(ValidationError) as caught:
            check_title(bad)
        assert caught.value.field == "title"


def test_content_and_bio_rules() -> None:
    with pytest.raises(ValidationError):
        check_content(" \n ")
    assert check_bio("   ") is None
    assert check_bio(None) is None
    assert check_bio(" hi ") == "hi"
    with pytest.raises(ValidationError):
        check_bio("x" * 10_001)


def test_create_user_reports_every_bad_field_at_once() -> None:
    dto = CreateUserDTO(email="nope", username="a", password="short", bio=None)
    with pytest.raises(ValidationError) as caught:
        validate_create_user(dto, normalise_email)
    assert set(caught.value.errors) == {"email", "username", "password"}


def test_create_user_returns_cleaned_values() -> None:
    dto = CreateUserDTO(email=" Ann@Example.org ", username=" ann ", password="secret-pw", bio="")
    clean = validate_create_user(dto, normalise_email)
    assert (clean.email, clean.username, clean.bio) == ("Ann@example.org", "ann", None)


def test_update_user_checks_only_the_fields_that_are_set() -> None:
    clean = validate_update_user(UpdateUserDTO(bio="  new bio "), normalise_email)
    assert clean.bio == "new bio"
    assert clean.email is UNSET
    with pytest.raises(ValidationError) as caught:
        validate_update_user(UpdateUserDTO(username="x"), normalise_email)
    assert caught.value.field == "username"


def test_create_post_reports_title_and_content() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_create_post(CreatePostDTO(title=" ", content="", author_id=uuid4()))
    assert set(caught.value.errors) == {"title", "content"}


@given(st.text(alphabet="abcXYZ019_.-", min_size=3, max_size=50))
def test_any_username_from_the_allowed_alphabet_passes(name: str) -> None:
    assert check_username(name) == name


@given(
    st.text(min_size=1).filter(
        lambda s: any(
            c not in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"
            for c in s.strip()
        )
    )
)
def test_any_username_with_another_character_fails(name: str) -> None:
    with pytest.raises(ValidationError):
        check_username(name)


# -- text the databases cannot store ---------------------------------------------------------


@pytest.mark.parametrize("field", list(CHECKS))
@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        (NUL, "contains a NUL character"),
        ("\ud800", "contains an unpaired surrogate (often from a broken paste)"),
        ("\udfff", "contains an unpaired surrogate"),
        ("\ud83d\ude00", "contains an unpaired surrogate"),  # a pair left undecoded: still two
    ],
)
def test_unstorable_characters_are_a_field_error_in_every_text_field(
    field: str, bad: str, fragment: str
) -> None:
    # Inside otherwise valid text, so no other rule can be what fails.
    valid = {
        "email": "ann@example.org",
        "username": "ann_b",
        "password": "long enough password",
        "bio": "Bio",
        "title": "Title",
        "content": "Content",
    }[field]
    for value in (valid[:2] + bad + valid[2:], bad + valid, valid + bad):
        with pytest.raises(ValidationError) as caught:
            CHECKS[field](value)
        assert caught.value.errors == {field: caught.value.message}
        assert caught.value.field == field
        assert fragment in caught.value.message


def test_a_nul_is_named_even_where_it_is_also_a_bad_character_or_whitespace_only() -> None:
    # Not "only letters" (username), not "required" (a password of NUL and spaces): the cause.
    for check, value in ((check_username, "ann\x00"), (check_password, " \x00" * 8)):
        with pytest.raises(ValidationError) as caught:
            check(value)
        assert "NUL" in caught.value.message


def test_the_email_normaliser_never_sees_unstorable_text() -> None:
    seen: list[str] = []

    def normaliser(value: str) -> str:
        seen.append(value)
        return value

    for value in ("ann\x00@example.org", "ann\ud800@example.org"):
        with pytest.raises(ValidationError) as caught:
            check_email(value, normaliser)
        assert caught.value.field == "email"
    assert seen == []


def test_validate_functions_report_unstorable_text_per_field() -> None:
    dto = CreateUserDTO(
        email="a\x00@example.org", username="ann", password="pass\ud800word", bio="hi\x00"
    )
    with pytest.raises(ValidationError) as caught:
        validate_create_user(dto, normalise_email)
    assert set(caught.value.errors) == {"email", "password", "bio"}
    with pytest.raises(ValidationError) as caught:
        validate_update_user(UpdateUserDTO(bio="\udc00"), normalise_email)
    assert set(caught.value.errors) == {"bio"}
    with pytest.raises(ValidationError) as caught:
        validate_create_post(CreatePostDTO(title="T\x00", content="\ud800", author_id=uuid4()))
    assert set(caught.value.errors) == {"title", "content"}
    with pytest.raises(ValidationError) as caught:
        validate_update_post(UpdatePostDTO(content="a\x00b"))
    assert set(caught.value.errors) == {"content"}


def _outcome(field: str, value: str) -> object:
    """The cleaned value, or the ValidationError the field's check raised."""
    try:
        return CHECKS[field](value)
    except ValidationError as error:
        return error


@pytest.mark.parametrize("field", list(CHECKS))
@given(value=any_text)
def test_whatever_passes_can_be_stored_and_what_cannot_says_why(field: str, value: str) -> None:
    outcome = _outcome(field, value)
    if NUL in value:
        assert isinstance(outcome, ValidationError)
        assert "contains a NUL character" in outcome.message
    elif any("\ud800" <= c <= "\udfff" for c in value):
        assert isinstance(outcome, ValidationError)
        assert "unpaired surrogate" in outcome.message
    if isinstance(outcome, ValidationError):
        assert set(outcome.errors) == {field}
    elif isinstance(outcome, str):
        assert NUL not in outcome
        outcome.encode("utf-8")  # would raise UnicodeEncodeError on a surrogate


@given(storable_text)
def test_free_text_keeps_non_ascii_case_exactly(value: str) -> None:
    # 'ß' is not 'SS', 'ς' is not 'σ', 'İ' is not 'i': validation trims, it never folds.
    if value.strip():
        assert check_title(value[:255]) == value[:255].strip()
        assert check_content(value) == value
        assert check_bio(value) == value.strip()
    if len(value) >= 8 and value.strip():
        assert check_password(value) == value


@given(st.text(st.sampled_from(CASE_PAIRS), min_size=1, max_size=20))
def test_email_keeps_the_local_parts_case_and_usernames_stay_ascii(local: str) -> None:
    assert _email(f"{local}@Example.ORG") == f"{local}@example.org"
    with pytest.raises(ValidationError) as caught:
        check_username(local + "abc")
    assert "only letters" in caught.value.message


@pytest.mark.parametrize(("upper", "lower"), [("Ä", "ä"), ("SS", "ß"), ("Σ", "σ"), ("Σ", "ς")])
def test_case_pairs_pass_as_two_different_values(upper: str, lower: str) -> None:
    assert check_title(f"Über {upper}") != check_title(f"Über {lower}")
    assert _email(f"{upper}@example.org") != _email(f"{lower}@example.org")

from __future__ import annotations

from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.emails import normalise_email
from desktop_app.domain.dtos import UNSET, CreatePostDTO, CreateUserDTO, UpdateUserDTO
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.validation import (
    check_bio,
    check_content,
    check_password,
    check_title,
    check_username,
    validate_create_post,
    validate_create_user,
    validate_update_user,
)


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

"""Messages as data (issue #13, item 4): the English ``str()`` the command line and the logs
keep, built from the template, the count and the arguments, with no Qt in sight."""

from __future__ import annotations

from uuid import UUID

import pytest

from desktop_app.application.user_service import deletion_text
from desktop_app.domain.entities import CreatePostDTO, User
from desktop_app.domain.errors import (
    DuplicateEmailError,
    StaleEditError,
    ValidationError,
)
from desktop_app.domain.messages import Message, Texts
from desktop_app.domain.validation import check_bio, check_password, validate_create_post


class Sample(Texts):
    """A context for the tests."""


def test_a_message_knows_its_context_template_arguments_and_count() -> None:
    said = Sample.tr("delete {who} and %n post(s)", "", 3, who="ann")
    assert said == Message("Sample", "delete {who} and %n post(s)", (("who", "ann"),), 3)
    assert str(said) == "delete ann and 3 posts"
    assert str(Sample.tr("delete %n post(s)", "", 1)) == "delete 1 post"
    assert str(Sample.tr("read %Ln row(s)", "", 12_345)) == "read 12,345 rows"


def test_arguments_are_text_numbers_messages_or_lists_of_them() -> None:
    inner = Sample.tr("%n user(s)", "", 2)
    said = Sample.tr("{a}; {b}; {c}; {d}", a="x{y}", b=10_000, c=inner, d=(inner, "z"))
    assert str(said) == "x{y}; 10,000; 2 users; 2 users, z"
    assert str(Sample.tr("{flag}", flag=True)) == "True"
    fractions = Sample.tr("{a} s, {b} s, {c} rows", a=2.5, b=30.0, c=1234.5)
    assert str(fractions) == "2.5 s, 30 s, 1,234.5 rows"  # as short as they read exactly


def test_a_verbatim_text_is_itself() -> None:
    assert str(Message.verbatim("a {brace} and %n")) == "a {brace} and %n"


def users(*names: str) -> list[User]:
    return [User(email=f"{n}@example.org", username=n, hashed_password="h") for n in names]


@pytest.mark.parametrize(
    ("names", "posts", "text"),
    [
        (["ann"], 0, "delete user ann"),
        (["ann"], 1, "delete user ann and 1 post"),
        (["ann"], 4, "delete user ann and 4 posts"),
        (["ann", "bob", "cat"], 0, "delete 3 users"),
        (["ann", "bob", "cat"], 1, "delete 3 users and 1 post"),
        (["ann", "bob"], 12, "delete 2 users and 12 posts"),
    ],
)
def test_undo_step_names_read_in_english_as_they_did(
    names: list[str], posts: int, text: str
) -> None:
    assert str(deletion_text(users(*names), posts)) == text


def test_errors_keep_their_english_str_and_their_messages() -> None:
    duplicate = DuplicateEmailError("ann@example.org")
    assert str(duplicate) == "email: A user with the e-mail 'ann@example.org' already exists."
    assert duplicate.errors == {"email": "A user with the e-mail 'ann@example.org' already exists."}
    assert duplicate.messages["email"].context == "Errors"
    stale = StaleEditError("Post", UUID(int=1))
    assert str(stale).startswith("This post was changed by someone else")
    assert isinstance(stale.args[0], Message)
    with pytest.raises(ValidationError) as long_bio:
        check_bio("x" * 10_001)
    assert long_bio.value.message == "Bio must be at most 10,000 characters long."
    with pytest.raises(ValidationError) as short:
        check_password("short")
    assert short.value.messages["password"].template == (
        "Password must be at least {min} characters long."
    )


def test_every_failing_field_keeps_its_message() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_create_post(CreatePostDTO(title=" ", content="", author_id=UUID(int=1)))
    assert {f: m.template for f, m in caught.value.messages.items()} == {
        "title": "Title is required.",
        "content": "Content is required.",
    }
    assert str(caught.value) == "title: Title is required.; content: Content is required."


def test_a_message_without_arguments_is_one_shared_instance() -> None:
    """An import's check may report the same problem on 100,000 lines: one message for all."""
    assert Sample.tr("required") is Sample.tr("required")
    assert Sample.tr("required") is not Sample.tr("required", "another sense")
    assert Sample.tr("{x}", x="a") == Sample.tr("{x}", x="a")


def test_a_validation_error_words_its_english_when_asked() -> None:
    error = ValidationError.from_errors(
        {"email": "bad", "bio": Sample.tr("too {what}", what="long")}
    )
    assert str(error) == "email: bad; bio: too long"
    assert (error.field, error.message) == ("email", "bad")

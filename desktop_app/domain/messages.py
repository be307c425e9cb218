"""Messages for people as data: a template and its arguments, worded in English by ``str()``
and in the UI language by the window.

The domain and the application may not import Qt, yet what they say (a field's error, an undo
step's name, a bad line of an import) is shown in the window's language. So they say it as a
``Message``: the English template, the context it is translated under, its named arguments and,
for a counted message, the count. ``str(message)`` is the English text, exactly as the command
line, the logs and an exception's ``str()`` have always said it; the window looks the template
up with ``QCoreApplication.translate(context, template, disambiguation, n)`` and puts the
arguments in (``desktop_app.ui.messages``).

A message is made with ``Context.tr(template, [disambiguation, n,] **arguments)``, where
``Context`` is a ``Texts`` subclass named for the context. Written that way (the class's own
name before ``.tr``), ``pyside6-lupdate`` extracts the template under that name, as a plural
message (``numerus``) when a count is passed third: the same syntax as Qt's ``self.tr``.

Templates put arguments in with ``{name}`` (named: a translation may reorder them) and a count
with ``%n`` (or ``%Ln``, the number grouped as the locale writes it), and write the English
plural as ``(s)``: "delete %n post(s)". An argument is text (put in as it is), a number
(grouped: "10,000"; a fraction with the language's decimal mark: "2.5", German "2,5"), another
message (worded in the same language) or a tuple of these (joined with ", ").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

Arg: TypeAlias = "str | int | float | Message | tuple[Arg, ...]"
# How a number is written: grouped, and a fraction with its decimal mark ("2.5"; German "2,5").
Number: TypeAlias = "Callable[[int | float], str]"


@dataclass(frozen=True, slots=True)
class Message:
    """A text for people: ``template`` (English) under ``context``, with ``args`` put in and
    ``n`` (-1: none) as its count; ``str()`` gives the English text."""

    context: str
    template: str
    args: tuple[tuple[str, Arg], ...] = ()
    n: int = -1
    disambiguation: str = ""

    @classmethod
    def verbatim(cls, text: str) -> Message:
        """A text nobody translates (from a library, or the user's own): the same in every
        language."""
        return cls("", "{text}", (("text", text),))

    def render(self, template: Callable[[Message], str], number: Number) -> str:
        """The text with ``template(message)`` as its wording (the count already in) and every
        argument put in, worded the same way (``number`` writes a number)."""
        if not self.args:
            return template(self)
        values = {name: _value(arg, template, number) for name, arg in self.args}
        return template(self).format_map(values)

    def __str__(self) -> str:
        return self.render(english_template, _grouped)


def english_template(message: Message) -> str:
    """The template in English with its count put in: ``%n`` as is, ``%Ln`` grouped, and
    every ``(s)`` the English plural ending (nothing for one)."""
    text, n = message.template, message.n
    if n < 0:
        return text
    return (
        text.replace("%Ln", _grouped(n)).replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
    )


def _grouped(number: int | float) -> str:
    """English: thousands grouped; a fraction as short as it reads exactly ("2.5", not
    "2.500000")."""
    return f"{number:,}" if isinstance(number, int) else f"{number:,g}"


def _value(arg: Arg, template: Callable[[Message], str], number: Number) -> str:
    if isinstance(arg, Message):
        return arg.render(template, number)
    if isinstance(arg, bool):  # a bool is an int to Python, never a count to people
        return str(arg)
    if isinstance(arg, int | float):
        return number(arg)
    if isinstance(arg, tuple):
        return ", ".join(_value(part, template, number) for part in arg)
    return arg


class Texts:
    """A translation context: subclass it under the context's name, and make its messages with
    ``Name.tr("template", **args)`` or, counted, ``Name.tr("... %n thing(s)", "", n, **args)``
    (the class's own name, written out: that is what pyside6-lupdate reads as the context)."""

    @classmethod
    def tr(cls, template: str, disambiguation: str = "", n: int = -1, /, **args: Arg) -> Message:
        if n < 0 and not args:  # one shared instance: an import may report 100,000 of it
            key = (cls.__name__, template, disambiguation)
            said = _FIXED.get(key)
            if said is None:
                said = _FIXED[key] = Message(cls.__name__, template, (), -1, disambiguation)
            return said
        return Message(cls.__name__, template, tuple(args.items()), n, disambiguation)


# The messages without arguments or count, by (context, template, disambiguation): as many as
# the code has literal templates.
_FIXED: dict[tuple[str, str, str], Message] = {}

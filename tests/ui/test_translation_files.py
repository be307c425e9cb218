"""The translation files in resources/i18n stay in step with the code (issue #13, item 4).

``scripts/translations update`` (pyside6-lupdate) run on copies of the committed .ts files must
change nothing: a text added to the UI and not extracted fails here, so the source file cannot
fall behind. German must be complete, English must hold every plural form, the .qm files must
be what pyside6-lrelease makes of the .ts files, and every text the code translates must be in
the .ts under the context it is looked up with at run time.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease beside python
UI_SOURCES = [ROOT / "desktop_app" / "gui.py", *sorted((ROOT / "desktop_app" / "ui").glob("*.py"))]
# the layers that say things as a Message (``Context.tr(...)``), shown by the window: the domain,
# the application, the e-mail check, the database layer, the settings and the composition root
MESSAGE_SOURCES = [
    *sorted((ROOT / "desktop_app" / "domain").glob("*.py")),
    *sorted((ROOT / "desktop_app" / "application").glob("*.py")),
    ROOT / "desktop_app" / "core" / "emails.py",
    *sorted((ROOT / "desktop_app" / "infrastructure").glob("*.py")),
    *sorted((ROOT / "desktop_app" / "infrastructure" / "database").glob("*.py")),
    *sorted((ROOT / "desktop_app" / "config").glob("*.py")),
    ROOT / "desktop_app" / "bootstrap.py",
]
# the contexts of those messages (each a ``Texts`` subclass of that name)
MESSAGE_CONTEXTS = {
    "Validation",
    "Errors",
    "UndoStep",
    "ImportProblem",
    "EmailCheck",
    "DatabaseErrors",
    "DatabaseOpening",
    "SchemaTexts",
    "BackupErrors",
    "SettingsTexts",
    "UndoStore",
}
SOURCES = [*UI_SOURCES, *MESSAGE_SOURCES]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")

pytestmark = pytest.mark.skipif(
    not (TOOLS / "pyside6-lupdate").exists() or not (ROOT / "scripts" / "translations").exists(),
    reason="needs the checkout's scripts and the pyside6 tools (PySide6 Essentials)",
)


def translations(tmp_path: Path, command: str) -> None:
    """``scripts/translations <command>`` on copies of the committed .ts files in tmp_path."""
    for ts in I18N.glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    env = {**os.environ, "I18N_DIR": str(tmp_path), "PYSIDE_BIN": str(TOOLS)}
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "translations"), command], check=True, env=env, timeout=120
    )


def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    """(context, message) for every message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def forms(message: ET.Element) -> list[str]:
    """A message's translation: its plural forms, or the one text."""
    translation = message.find("translation")
    assert translation is not None
    numerus = [form.text or "" for form in translation.iter("numerusform")]
    return numerus if message.get("numerus") == "yes" else [translation.text or ""]


def test_the_ts_files_are_current(tmp_path: Path) -> None:
    """Run `scripts/translations update` (and commit the result) after changing UI text."""
    translations(tmp_path, "update")
    for ts in sorted(I18N.glob("*.ts")):
        assert (tmp_path / ts.name).read_text() == ts.read_text(), (
            f"{ts.name} is behind the code: run scripts/translations update"
        )


def test_the_qm_files_are_compiled_from_the_ts_files(tmp_path: Path) -> None:
    """Run `scripts/translations release` (and commit the .qm files) after changing a .ts."""
    translations(tmp_path, "release")
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} is missing: run scripts/translations release"
        assert (tmp_path / qm.name).read_bytes() == qm.read_bytes(), (
            f"{qm.name} is older than {ts.name}: run scripts/translations release"
        )


def test_german_is_complete() -> None:
    unfinished = [
        (context, message.findtext("source"))
        for context, message in messages(I18N / "desktop_app_de.ts")
        if (message.find("translation") is None)
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not all(forms(message))
    ]
    assert not unfinished, f"German messages not translated yet: {unfinished}"


def test_german_has_both_plural_forms_and_every_placeholder() -> None:
    for context, message in messages(I18N / "desktop_app_de.ts"):
        source = message.findtext("source", "")
        texts = forms(message)
        if message.get("numerus") == "yes":
            assert len(texts) == 2, (context, source)  # German: one, other
        for text in texts:
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(
                set(PLACEHOLDER.findall(source))
            ), (context, source, text)


def test_english_holds_every_plural_form() -> None:
    """Without its English forms, a count in the English UI reads "3 post(s)"."""
    for context, message in messages(I18N / "desktop_app_en.ts"):
        if message.get("numerus") == "yes":
            one, other = forms(message)
            assert one and other and "(s)" not in one + other, (context, message.findtext("source"))


def _translated_texts(path: Path) -> Iterator[tuple[str, str, int]]:
    """(context, text, line) for every literal text the module looks up at run time:
    ``self.tr`` in a class (PySide6 looks it up under the class's name), ``translate`` and
    ``QT_TRANSLATE_NOOP`` under the context they name, and a message's ``Context.tr`` (the
    domain's ``Texts``) under the class it names."""

    def visit(node: ast.AST, cls: str | None) -> Iterator[tuple[str, str, int]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                literal = [a.value for a in args[:2] if isinstance(a, ast.Constant)]
                is_self = (
                    isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "self"
                )
                receiver = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
                if (
                    name == "tr"
                    and is_self
                    and cls
                    and literal
                    and isinstance(args[0], ast.Constant)
                ):
                    yield cls, literal[0], child.lineno
                elif name == "tr" and receiver not in ("", "self") and literal:
                    yield receiver, literal[0], child.lineno
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(literal) == 2:
                    if len(args) > 3:  # lupdate reads no plural from translate(): self.tr only
                        yield "<plural through translate(): use self.tr>", literal[1], child.lineno
                    else:
                        yield literal[0], literal[1], child.lineno
            yield from visit(child, inner)

    yield from visit(ast.parse(path.read_text()), None)


def test_every_text_is_extracted_under_the_context_it_is_looked_up_with() -> None:
    extracted = {
        (context, message.findtext("source"))
        for context, message in messages(I18N / "desktop_app_en.ts")
    }
    missing = [
        f"{path.relative_to(ROOT)}:{line}: {context}: {text!r}"
        for path in SOURCES
        for context, text, line in _translated_texts(path)
        if (context, text) not in extracted
    ]
    assert not missing, "texts the .ts does not hold as looked up:\n" + "\n".join(missing)


def test_no_plural_tr_in_a_class_that_is_subclassed() -> None:
    """PySide6 trap: ``self.tr(text, "", n)`` called on a *subclass* of the class holding the
    call finds no translation (the plain form walks the class hierarchy, the plural does not)."""
    trees = {path: ast.parse(path.read_text()) for path in SOURCES}
    subclassed = {
        base.id
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for base in node.bases
        if isinstance(base, ast.Name)
    }
    offenders = [
        f"{path.relative_to(ROOT)}:{call.lineno}: {node.name}"
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name in subclassed
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "tr"
        and len(call.args) >= 3
    ]
    assert not offenders, offenders


def _message_calls() -> Iterator[tuple[Path, ast.Call]]:
    """Every ``Context.tr(...)`` call of the layers that make messages."""
    for path in MESSAGE_SOURCES:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
            ):
                yield path, node


def test_every_message_is_a_literal_counted_only_when_it_says_n() -> None:
    """A message lupdate can extract (a literal template), under the context it is looked up
    with (the ``Texts`` class named before ``.tr``, never an alias: lupdate reads the name,
    the lookup the class's own) with its count where lupdate reads it: a plural (%n) takes
    ``"", n`` as its second and third arguments, anything else no third (lupdate takes any
    third argument for a count, and makes the message plural)."""
    contexts = {
        node.name
        for path in MESSAGE_SOURCES
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ClassDef)
        and any(getattr(base, "id", "") == "Texts" for base in node.bases)
    }
    assert contexts == MESSAGE_CONTEXTS
    wrong = []
    for path, call in _message_calls():
        where = f"{path.relative_to(ROOT)}:{call.lineno}"
        receiver = getattr(call.func.value, "id", "")  # type: ignore[attr-defined]
        if receiver not in contexts:
            wrong.append(f"{where}: {receiver}.tr is not a Texts class's own name")
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            wrong.append(f"{where}: the template is no literal text")
            continue
        counted = "%n" in first.value or "%Ln" in first.value
        if counted != (len(call.args) == 3):
            wrong.append(f"{where}: {first.value!r} with {len(call.args)} positional arguments")
    assert not wrong, "\n".join(wrong)


def test_the_messages_english_is_the_english_translations(english: object) -> None:
    """A message's ``str()`` (the command line's English) and the English window's words are
    the same, plural forms too: the English .ts holds "(s)" resolved as ``str()`` does."""
    from desktop_app.domain.messages import Message
    from desktop_app.ui.messages import message_text

    checked = 0
    for context, message in messages(I18N / "desktop_app_en.ts"):
        source = message.findtext("source", "")
        if context not in MESSAGE_CONTEXTS:
            continue
        names = {name.strip("{}"): "x" for name in PLACEHOLDER.findall(source)}
        counts = (1, 3) if message.get("numerus") == "yes" else (-1,)
        for n in counts:
            said = Message(context, source, tuple(names.items()), n)
            assert message_text(said) == str(said), (context, source, n)
            checked += 1
    assert checked > 120

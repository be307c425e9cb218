"""How the Import and Paste dialogs word what they do: the two modes' words, and the report
of a check. Sentences are whole messages per mode, for the translations."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale

from desktop_app.application.import_rows import Kind
from desktop_app.application.import_service import ImportCheck
from desktop_app.ui.i18n import translate


@dataclass(frozen=True, slots=True)
class Wording:
    """How the dialog and its flow name what they do and where the rows come from. The
    words are English (the undo step's "Import 3 users" is the services'); sentences are
    translated whole, one for an import and one for a paste (``pick``)."""

    verb: str  # the undo step: "Import 3 users"
    doing: str
    done: str
    origin: str  # where the rows are, in a sentence
    fix: str  # what to do about bad lines

    @property
    def pasting(self) -> bool:
        return self.verb == "Paste"

    def pick(self, importing: str, pasting: str) -> str:
        """The sentence for an import or for a paste (their words differ in every language)."""
        return pasting if self.pasting else importing


IMPORTING = Wording(
    "Import", "Importing", "Imported", "the file", "Correct the file, or the fields above"
)
PASTING = Wording(
    "Paste",
    "Pasting",
    "Pasted",
    "the clipboard",
    "Correct the rows where you copied them and paste again, or change the fields above",
)


def report_text(checked: ImportCheck, kind: Kind, words: Wording) -> tuple[str, bool]:
    """The outcome of a check in words, and whether it is a problem (bad lines)."""
    plan, errors = checked.plan, checked.errors
    read = translate("ImportDialog", "%Ln row(s)", "", checked.rows_read)
    new = (
        translate("ImportDialog", "%Ln new post(s)", "", len(plan.inserts))
        if kind == "posts"
        else translate("ImportDialog", "%Ln new user(s)", "", len(plan.inserts))
    )
    counts = translate(
        "ImportDialog",
        "{read} read: {new}, {updated} to update, {skipped} already there (skipped).",
    ).format(
        read=read,
        new=new,
        updated=QLocale().toString(len(plan.updates)),
        skipped=QLocale().toString(len(plan.skipped)),
    )
    left_out = checked.ignored_columns
    columns = (
        " "
        + translate("ImportDialog", "Columns left out: {columns}.").format(
            columns=", ".join(left_out)
        )
        if left_out
        else ""
    )
    if errors:
        lines = len({error.line for error in errors})
        problems = words.pick(
            translate(
                "ImportDialog",
                "{problems} on {lines} of {read}: nothing can be imported until they are "
                "fixed. Correct the file, or the fields above, and check again.",
            ),
            translate(
                "ImportDialog",
                "{problems} on {lines} of {read}: nothing can be pasted until they are "
                "fixed. Correct the rows where you copied them and paste again, or change "
                "the fields above, and check again.",
            ),
        )
        return (
            problems.format(
                problems=translate("ImportDialog", "%Ln problem(s)", "", len(errors)),
                lines=QLocale().toString(lines),
                read=read,
            )
            + columns,
            True,
        )
    if not plan.size:
        nothing = words.pick(
            translate("ImportDialog", "Nothing to import."),
            translate("ImportDialog", "Nothing to paste."),
        )
        return f"{nothing} {counts}{columns}", False
    one_step = words.pick(
        translate("ImportDialog", "Import writes them as one step."),
        translate("ImportDialog", "Paste writes them as one step."),
    )
    good = translate("ImportDialog", "Every line is good.")
    return f"{good} {counts}{columns} {one_step}", False

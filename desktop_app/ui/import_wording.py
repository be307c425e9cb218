"""How the Import and Paste dialogs word what they do: the two modes' words, and the report
of a check. Sentences are whole messages per mode, for the translations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject

if TYPE_CHECKING:  # names for annotations: the window starts without the import machinery
    from desktop_app.application.import_rows import Kind
    from desktop_app.application.import_service import ImportCheck


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


class ImportText(QObject):
    """The import's and the paste's counted sentences (a QObject: lupdate takes a plural
    message only from ``self.tr`` in a class)."""

    def report(self, checked: ImportCheck, kind: Kind, words: Wording) -> tuple[str, bool]:
        """The outcome of a check in words, and whether it is a problem (bad lines)."""
        plan, errors = checked.plan, checked.errors
        read = self.tr("%Ln row(s)", "", checked.rows_read)
        new = (
            self.tr("%Ln new post(s)", "", plan.new_rows)
            if kind == "posts"
            else self.tr("%Ln new user(s)", "", plan.new_rows)
        )
        counts = self.tr(
            "{read} read: {new}, {updated} to update, {skipped} already there (skipped).",
        ).format(
            read=read,
            new=new,
            updated=QLocale().toString(plan.updated_rows),
            skipped=QLocale().toString(plan.skipped_rows),
        )
        left_out = checked.ignored_columns
        columns = (
            " " + self.tr("Columns left out: {columns}.").format(columns=", ".join(left_out))
            if left_out
            else ""
        )
        if errors:
            lines = len({error.line for error in errors})
            problems = words.pick(
                self.tr(
                    "{problems} on {lines} of {read}: nothing can be imported until they are "
                    "fixed. Correct the file, or the fields above, and check again.",
                ),
                self.tr(
                    "{problems} on {lines} of {read}: nothing can be pasted until they are "
                    "fixed. Correct the rows where you copied them and paste again, or change "
                    "the fields above, and check again.",
                ),
            )
            return (
                problems.format(
                    problems=self.tr("%Ln problem(s)", "", len(errors)),
                    lines=QLocale().toString(lines),
                    read=read,
                )
                + columns,
                True,
            )
        if not plan.size:
            nothing = words.pick(
                self.tr("Nothing to import."),
                self.tr("Nothing to paste."),
            )
            return f"{nothing} {counts}{columns}", False
        one_step = words.pick(
            self.tr("Import writes them as one step."),
            self.tr("Paste writes them as one step."),
        )
        good = self.tr("Every line is good.")
        return f"{good} {counts}{columns} {one_step}", False

    def clipboard_lines(self, count: int) -> str:
        return self.tr("The clipboard: %Ln line(s)", "", count)

    def first_rows(self, words: Wording, count: int) -> str:
        return words.pick(
            self.tr("The first %Ln row(s) of the file", "", count),
            self.tr("The first %Ln row(s) of the clipboard", "", count),
        )

    def more_problems(self, count: int) -> str:
        return self.tr("… and %Ln more problem(s) not listed", "", count)

    def writing(self, words: Wording, kind: Kind, count: int) -> str:
        """ "Importing 3 users from {source}…" """
        if kind == "users":
            return words.pick(
                self.tr("Importing %Ln user(s) from {source}…", "", count),
                self.tr("Pasting %Ln user(s) from {source}…", "", count),
            )
        return words.pick(
            self.tr("Importing %Ln post(s) from {source}…", "", count),
            self.tr("Pasting %Ln post(s) from {source}…", "", count),
        )

    def written(self, kind: Kind, added: int, updated: int, skipped: int) -> list[str]:
        """ "3 users added", "2 updated", "1 skipped (already there)": the parts that apply."""
        parts = []
        if added:
            parts.append(
                self.tr("%Ln user(s) added", "", added)
                if kind == "users"
                else self.tr("%Ln post(s) added", "", added)
            )
        if updated:
            parts.append(self.tr("%Ln updated", "", updated))
        if skipped:
            parts.append(self.tr("%Ln skipped (already there)", "", skipped))
        return parts


def report_text(checked: ImportCheck, kind: Kind, words: Wording) -> tuple[str, bool]:
    """The outcome of a check in words, and whether it is a problem (bad lines)."""
    return ImportText().report(checked, kind, words)

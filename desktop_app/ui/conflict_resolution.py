"""What the conflict dialog answers, and how it writes a value for people.

Kept apart from the dialog itself so callers (the forms, the undo history) and tests can use
the resolution and the cell wording without the widget's layout code.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from desktop_app.application.conflict_merge import FieldStatus, MergeResult
from desktop_app.ui.formatting import local_time
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate


class ConflictChoice(enum.Enum):
    KEEP_MINE = "keep_mine"  # write my edit over theirs
    TAKE_THEIRS = "take_theirs"  # discard my edit, keep the row as it is now
    EDIT_AGAIN = "edit_again"  # reopen the form from ``merged``; collisions in ``yours_was``
    RECREATE = "recreate"  # the row was deleted: create it again with my edit
    DISCARD = "discard"  # the row was deleted: leave it deleted, drop my edit
    CANCEL = "cancel"  # closed without choosing: nothing written, the form stays as it was


@dataclass(frozen=True, slots=True)
class ConflictResolution:
    """What the user chose, with the whole merge (so nothing typed is lost whatever they chose:
    ``merge.mine`` is always their complete edit)."""

    choice: ConflictChoice
    merge: MergeResult

    @property
    def values(self) -> Mapping[str, object] | None:
        """The field values to act on: what to write (keep mine, re-create), what the form
        starts with (edit again), the row as it is now (take theirs); None to discard/cancel."""
        match self.choice:
            case ConflictChoice.KEEP_MINE:
                return self.merge.keep_mine
            case ConflictChoice.TAKE_THEIRS:
                return self.merge.theirs
            case ConflictChoice.EDIT_AGAIN | ConflictChoice.RECREATE:
                return self.merge.merged
            case _:
                return None

    @property
    def yours_was(self) -> Mapping[str, object]:
        """For "edit again": my value of each field that starts as theirs (the collisions)."""
        return self.merge.collisions if self.choice is ConflictChoice.EDIT_AGAIN else {}


STATUS_TEXT = {
    FieldStatus.UNCHANGED: QT_TRANSLATE_NOOP("ConflictDialog", "Unchanged"),
    FieldStatus.MINE: QT_TRANSLATE_NOOP("ConflictDialog", "Changed by you"),
    FieldStatus.THEIRS: QT_TRANSLATE_NOOP("ConflictDialog", "Changed by them"),
    FieldStatus.SAME: QT_TRANSLATE_NOOP("ConflictDialog", "Same change"),
    FieldStatus.COLLISION: QT_TRANSLATE_NOOP("ConflictDialog", "Both changed"),
}
STATUS_MARK = {  # a sign beside the words, readable without colour
    FieldStatus.UNCHANGED: "",
    FieldStatus.MINE: "●",
    FieldStatus.THEIRS: "◆",
    FieldStatus.SAME: "=",
    FieldStatus.COLLISION: "▲",
}
# Tints (with alpha, so they read on the light and the dark palette alike).
TINT = {
    FieldStatus.MINE: (46, 139, 87),
    FieldStatus.THEIRS: (47, 111, 189),
    FieldStatus.COLLISION: (214, 69, 65),
}
CELL_CHARS = 90  # longer values are cut in the table; the tooltip and the pane show them whole
EMPTY = QT_TRANSLATE_NOOP("ConflictDialog", "(empty)")
NONE = "—"
HIDDEN = QT_TRANSLATE_NOOP("ConflictDialog", "(hidden)")

COLUMNS = (
    QT_TRANSLATE_NOOP("ConflictDialog", "Field"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Change"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Now in the database"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Your edit"),
)
FIELD, CHANGE, THEIRS, MINE = range(4)


def display(value: object) -> str:
    """A value as the dialog shows it in full (the table shortens it)."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return translate("ConflictDialog", "Yes") if value else translate("ConflictDialog", "No")
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, UUID):
        return str(value)
    text = str(value)
    return text if text else translate("ConflictDialog", EMPTY)


def shorten(text: str, limit: int = CELL_CHARS) -> str:
    flat = " ".join(text.split()) or text
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def join_labels(names: Iterable[str], labels: Mapping[str, str]) -> str:
    """ "Email", "Email and Bio", "Email, Bio and Active": the labels of ``names``."""
    shown = [labels[name] for name in names if name in labels]
    if len(shown) <= 1:
        return "".join(shown)
    return translate("ConflictDialog", "{names} and {last}").format(
        names=", ".join(shown[:-1]), last=shown[-1]
    )


def keep_mine_text(merge: MergeResult, labels: Mapping[str, str]) -> str:
    """What "Keep mine" will do, naming the fields where it replaces their change."""
    collisions = join_labels(merge.collisions, labels)
    theirs_only = join_labels([f.name for f in merge if f.status is FieldStatus.THEIRS], labels)
    if collisions:
        text = translate(
            "ConflictDialog", "Saves your edit and replaces their change to {fields} with yours."
        ).format(fields=collisions)
    else:
        text = translate("ConflictDialog", "Saves your changes on top of theirs.")
    if theirs_only:
        text += " " + translate("ConflictDialog", "Their change to {fields} stays.").format(
            fields=theirs_only
        )
    return text


def edit_again_text(merge: MergeResult, entity: str) -> str:
    """What "Edit again" will do."""
    if merge.collisions:
        text = translate(
            "ConflictDialog",
            "Opens the {entity} again with their version and your changes; where you both "
            "changed a field it starts with theirs, yours beside it.",
        )
    else:
        text = translate(
            "ConflictDialog",
            "Opens the {entity} again with their version and your changes, so you can check "
            "it before saving.",
        )
    return text.format(entity=entity)


def window_title(merge: MergeResult, noun: str) -> str:
    """ "This user was changed by someone else" (or deleted); ``noun`` names the row's kind."""
    if merge.deleted:
        return translate("ConflictDialog", "This {entity} was deleted by someone else").format(
            entity=noun
        )
    return translate("ConflictDialog", "This {entity} was changed by someone else").format(
        entity=noun
    )


def header_texts(merge: MergeResult, noun: str, labels: Mapping[str, str]) -> tuple[str, str]:
    """The dialog's headline and the sentences under it."""
    if merge.deleted:
        return (
            translate(
                "ConflictDialog", "Someone else deleted this {entity} while you were editing it."
            ).format(entity=noun),
            translate(
                "ConflictDialog",
                "Your edit was not saved. You can create the {entity} again with your "
                "values, or discard your edit.",
            ).format(entity=noun),
        )
    collisions = join_labels(merge.collisions, labels)
    both = (
        translate("ConflictDialog", "You both changed {fields}.").format(fields=collisions)
        if collisions
        else translate("ConflictDialog", "None of your changes clash.")
    )
    return (
        translate(
            "ConflictDialog", "Someone else changed this {entity} while you were editing."
        ).format(entity=noun),
        translate(
            "ConflictDialog",
            "Your edit was not saved yet. {clash} Compare the two versions and choose "
            "which to keep. Hover over a value, or select a row, to see the full text and "
            "what you originally opened.",
        ).format(clash=both),
    )


Choice = tuple[ConflictChoice, str, str, str]  # choice, object name, button text, what it does


def choices_for(
    merge: MergeResult, entity: str, labels: Mapping[str, str]
) -> tuple[list[Choice], ConflictChoice]:
    """The buttons the dialog offers for ``merge``, and the default one."""
    if merge.deleted:
        return [
            (
                ConflictChoice.RECREATE,
                "recreate",
                translate("ConflictDialog", "&Re-create it"),
                translate("ConflictDialog", "Creates the {entity} again with your values.").format(
                    entity=entity
                ),
            ),
            (
                ConflictChoice.DISCARD,
                "discard",
                translate("ConflictDialog", "&Discard my edit"),
                translate(
                    "ConflictDialog", "Leaves the {entity} deleted; what you typed is dropped."
                ).format(entity=entity),
            ),
        ], ConflictChoice.RECREATE
    return [
        (
            ConflictChoice.KEEP_MINE,
            "keepMine",
            translate("ConflictDialog", "&Keep mine"),
            keep_mine_text(merge, labels),
        ),
        (
            ConflictChoice.TAKE_THEIRS,
            "takeTheirs",
            translate("ConflictDialog", "&Take theirs"),
            translate(
                "ConflictDialog", "Discards your edit and keeps the {entity} as it is now."
            ).format(entity=entity),
        ),
        (
            ConflictChoice.EDIT_AGAIN,
            "editAgain",
            translate("ConflictDialog", "&Edit again"),
            edit_again_text(merge, entity),
        ),
    ], ConflictChoice.EDIT_AGAIN

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
    FieldStatus.UNCHANGED: "Unchanged",
    FieldStatus.MINE: "Changed by you",
    FieldStatus.THEIRS: "Changed by them",
    FieldStatus.SAME: "Same change",
    FieldStatus.COLLISION: "Both changed",
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
EMPTY = "(empty)"
NONE = "—"
HIDDEN = "(hidden)"

COLUMNS = ("Field", "Change", "Now in the database", "Your edit")
FIELD, CHANGE, THEIRS, MINE = range(4)


def display(value: object) -> str:
    """A value as the dialog shows it in full (the table shortens it)."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, UUID):
        return str(value)
    text = str(value)
    return text if text else EMPTY


def shorten(text: str, limit: int = CELL_CHARS) -> str:
    flat = " ".join(text.split()) or text
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def join_labels(names: Iterable[str], labels: Mapping[str, str]) -> str:
    """ "Email", "Email and Bio", "Email, Bio and Active": the labels of ``names``."""
    shown = [labels[name] for name in names if name in labels]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def keep_mine_text(merge: MergeResult, labels: Mapping[str, str]) -> str:
    """What "Keep mine" will do, naming the fields where it replaces their change."""
    collisions = join_labels(merge.collisions, labels)
    theirs_only = join_labels([f.name for f in merge if f.status is FieldStatus.THEIRS], labels)
    if collisions:
        text = f"Saves your edit and replaces their change to {collisions} with yours."
    else:
        text = "Saves your changes on top of theirs."
    if theirs_only:
        text += f" Their change to {theirs_only} stays."
    return text


def edit_again_text(merge: MergeResult, entity: str) -> str:
    """What "Edit again" will do."""
    text = f"Opens the {entity} again with their version and your changes"
    if merge.collisions:
        return text + "; where you both changed a field it starts with theirs, yours beside it."
    return text + ", so you can check it before saving."


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
                "&Re-create it",
                f"Creates the {entity} again with your values.",
            ),
            (
                ConflictChoice.DISCARD,
                "discard",
                "&Discard my edit",
                f"Leaves the {entity} deleted; what you typed is dropped.",
            ),
        ], ConflictChoice.RECREATE
    return [
        (ConflictChoice.KEEP_MINE, "keepMine", "&Keep mine", keep_mine_text(merge, labels)),
        (
            ConflictChoice.TAKE_THEIRS,
            "takeTheirs",
            "&Take theirs",
            f"Discards your edit and keeps the {entity} as it is now.",
        ),
        (ConflictChoice.EDIT_AGAIN, "editAgain", "&Edit again", edit_again_text(merge, entity)),
    ], ConflictChoice.EDIT_AGAIN

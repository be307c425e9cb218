"""Render the conflict dialog (issue #11) for a user and a post, light and dark, to PNGs.

Writes docs/screenshots/conflict-*.png. Run from the checkout (no X server needed):
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/conflict_screenshots.py``.
"""

from __future__ import annotations

import sys

from dialog_shots import save_shots

from desktop_app.application.conflict_merge import merge_fields
from desktop_app.ui.conflict_dialog import ConflictDialog

USER_LABELS = [
    ("email", "Email"),
    ("username", "Username"),
    ("is_active", "Active"),
    ("bio", "Bio"),
    ("password", "Password"),
]
POST_LABELS = [("title", "Title"), ("author", "Author"), ("content", "Content")]


def user_dialog() -> ConflictDialog:
    base = {
        "email": "ann@example.org",
        "username": "ann",
        "is_active": True,
        "bio": "Gardener in Leipzig. Writes about tomatoes.",
        "password": None,
    }
    mine = {
        **base,
        "username": "ann_k",
        "bio": "Gardener in Leipzig. Writes about tomatoes, beans and the odd pumpkin; "
        "runs the allotment newsletter every other Sunday.",
        "password": "correct horse battery staple",
    }
    theirs = {**base, "username": "annie", "is_active": False}
    return ConflictDialog(
        merge_fields(base, mine, theirs),
        entity="user",
        labels=USER_LABELS,
        secret_fields={"password": "(new password)"},
    )


def post_dialog(*, deleted: bool = False) -> ConflictDialog:
    base = {
        "title": "Spring planting notes",
        "author": "ann",
        "content": "Sow tomatoes indoors in March.\nMove them out after the last frost.",
    }
    mine = {
        **base,
        "content": "Sow tomatoes indoors in early March, six weeks before the last frost.\n"
        "Harden them off for a week, then plant out after the Ice Saints (mid-May).",
    }
    theirs = {
        **base,
        "title": "Spring planting notes (2026)",
        "content": "Sow tomatoes indoors in March.\nMove them out after the last frost.\n"
        "Updated: beans go straight into the ground.",
    }
    return ConflictDialog(
        merge_fields(base, mine, None if deleted else theirs),
        entity="post",
        labels=POST_LABELS,
    )


def main() -> int:
    return save_shots(
        lambda: {
            "conflict-user": user_dialog(),
            "conflict-post": post_dialog(),
            "conflict-post-deleted": post_dialog(deleted=True),
        }
    )


if __name__ == "__main__":
    sys.exit(main())

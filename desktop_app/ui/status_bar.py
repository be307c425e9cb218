"""How long the window's status bar keeps a message.

The window, its controllers (opening databases, dialogs, deleting) and the File menu's open
actions all report in the same status bar; one constant keeps their messages up equally long.
"""

from __future__ import annotations

STATUS_MS = 8_000
# Said when another database opens and the undo history of the last one goes.
HISTORY_CLEARED = "Undo history cleared: now editing"

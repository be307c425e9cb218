"""Markdown shown read-only, a bounded prefix at a time: the post preview and the post form.

Qt's own ``QTextBrowser.setMarkdown`` parses and lays out on the GUI thread (Qt widgets and
their documents belong to it), and it is not fast: measured here, 10 KB of dense Markdown takes
~20 ms, 100 KB ~115 ms and 1 MB ~1 s, all of it a frozen window. So only the first
``PREFIX_CHARS`` (~30 ms) are rendered at first; longer text gets a bar "Showing the first
20 KB of 1.0 MB" with a "Show all (1.0 MB)" button that renders the rest when asked (that one
render takes its second or two, because the person asked for it).

Links open in the system browser and never navigate the pane; no image or other resource is
ever loaded (a post could name ``http://tracker.example/pixel.png`` or ``file:///etc/…``).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.i18n import translate
from desktop_app.ui.qt_async import named

# About 30 ms of setMarkdown for dense Markdown here; most posts are shorter and never see the bar.
PREFIX_CHARS = 20_000
BLOCK_SPACING = 8  # pixels after a paragraph, a list or a code block


def text_size(text: str) -> str:
    """The size of ``text`` in UTF-8 for people: "900 B", "30 KB", "1.0 MB" (the number in
    the UI locale's format)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    locale = QLocale()
    if size < 1_000:
        return translate("MarkdownView", "{size} B").format(size=locale.toString(size))
    if size < 999_500:  # what rounds to 1000 KB reads as 1.0 MB
        return translate("MarkdownView", "{size} KB").format(
            size=locale.toString(round(size / 1_000))
        )
    return translate("MarkdownView", "{size} MB").format(
        size=locale.toString(size / 1_000_000, "f", 1)
    )


def bounded_prefix(text: str, limit: int = PREFIX_CHARS) -> str:
    """``text`` if it is at most ``limit`` characters, else its start cut after the last line
    break within the limit (a cut mid-line would leave half a word or a broken link)."""
    if len(text) <= limit:
        return text
    line_end = text.rfind("\n", 0, limit)
    return text[: line_end + 1] if line_end > limit // 2 else text[:limit]


def set_off_lists_and_code(document: QTextDocument, code_background: QColor) -> None:
    """Qt's Markdown gives every block, list items included, the same margins, and code no
    background: the items of a list are drawn close together and spaced from what follows,
    and code blocks get ``code_background``."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one relayout at the end, not one per block
    block = document.begin()
    while block.isValid():
        after = block.next()
        fmt = block.blockFormat()
        code = fmt.hasProperty(QTextFormat.Property.BlockCodeFence) or fmt.nonBreakableLines()
        if code or block.textList() is not None:
            same_group = after.isValid() and (
                after.textList() is block.textList()
                if not code
                else after.blockFormat().nonBreakableLines()
                or after.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence)
            )
            fmt.setTopMargin(0)
            fmt.setBottomMargin(0 if same_group else BLOCK_SPACING)
            if code:
                fmt.setBackground(code_background)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
        block = after
    cursor.endEditBlock()


class _Browser(QTextBrowser):
    """A QTextBrowser that loads no resources (images, style sheets) from anywhere."""

    def loadResource(self, _type: int, _name: QUrl | str) -> object:
        return None


class MarkdownView(QWidget):
    """Read-only Markdown: the first ``PREFIX_CHARS`` rendered, the rest on "Show all"."""

    def __init__(self, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = named(_Browser(), name, self.tr("Rendered Markdown"))
        self.browser.setOpenExternalLinks(True)  # http(s), mailto: the system's handler
        self.browser.setOpenLinks(False)  # anything else: the pane never navigates away
        self.browser.setUndoRedoEnabled(False)  # nobody undoes a rendering; keep no history
        self.more_label = named(QLabel(""), f"{name}More")
        self.show_all_button = named(QPushButton(self.tr("Show all")), f"{name}ShowAll")
        self.show_all_button.clicked.connect(self.show_all)
        self.more_bar = QWidget()
        bar = QHBoxLayout(self.more_bar)
        bar.setContentsMargins(0, 2, 0, 0)
        bar.addWidget(self.more_label, 1)
        bar.addWidget(self.show_all_button)
        self.more_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.more_bar)
        self._text = ""

    @property
    def complete(self) -> bool:
        """Whether all of the text is rendered (not just its prefix)."""
        return self.more_bar.isHidden()

    def set_markdown(self, text: str, *, keep_scroll: bool = False) -> None:
        """Render ``text``'s bounded prefix; ``keep_scroll`` stays where the reader was (the
        form re-renders as one types)."""
        self._text = text
        prefix = bounded_prefix(text)
        self._render(prefix, keep_scroll=keep_scroll)
        if len(prefix) < len(text):
            self.more_label.setText(
                self.tr("Showing the first {part} of {whole}.").format(
                    part=text_size(prefix), whole=text_size(text)
                )
            )
            self.show_all_button.setText(self.tr("Show all ({size})").format(size=text_size(text)))
            self.more_bar.show()
        else:
            self.more_bar.hide()

    def set_message(self, text: str) -> None:
        """Show a plain sentence instead of Markdown (loading, an error)."""
        self._text = ""
        self.more_bar.hide()
        self.browser.setPlainText(text)

    def show_all(self) -> None:
        """Render the whole text (asked for: this may take a second for a megabyte)."""
        self._render(self._text, keep_scroll=True)
        self.more_bar.hide()

    def _render(self, text: str, *, keep_scroll: bool) -> None:
        scroll = self.browser.verticalScrollBar()
        position = scroll.value()
        self.browser.setMarkdown(text)
        set_off_lists_and_code(
            self.browser.document(), self.palette().color(QPalette.ColorRole.AlternateBase)
        )
        if keep_scroll:
            scroll.setValue(position)

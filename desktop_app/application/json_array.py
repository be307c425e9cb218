"""The elements of a JSON array read from a stream a chunk at a time (issue #12).

A ``.json`` import file is one array of a million objects: ``json.load`` would hold its whole
text and every object at once. ``array_elements`` holds one chunk of text ahead and decodes one
element at a time with ``json.JSONDecoder.raw_decode``, each with the line it starts on, so an
import of a JSON array keeps memory as flat as one of JSON Lines. Standard library only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

CHUNK = 1 << 16  # characters read at a time
WHITESPACE = re.compile(r"[ \t\r\n]*")
# An element that ends, or fails, this close to the end of the text read so far may go on in the
# next chunk ("tru" of true, a "\u12" cut short, "2." of 2.5): read more and decode again.
NEAR_END = 16


class JsonArrayError(ValueError):
    """The text is no JSON array, or not valid JSON: where (1-based line) and why."""

    def __init__(self, line: int, reason: str, json_msg: str | None = None) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason
        self.json_msg = json_msg  # the decoder's own words, for an element not valid JSON


class NotAnArrayError(JsonArrayError):
    """The text is not a JSON array at all (an object, a string, nothing)."""


class TextAfterArrayError(JsonArrayError):
    """The array ends, and more than whitespace follows it."""


class _Text:
    """The text of ``stream`` from the current position on, read a chunk at a time, with the
    line each position is on. Holds what is not consumed yet and at most one chunk more
    (several for an element longer than a chunk)."""

    def __init__(self, stream: TextIO, chunk: int) -> None:
        self._stream, self._chunk = stream, chunk
        self.buf = ""
        self.at = 0  # the current position in ``buf``
        self.eof = False
        self._line, self._counted = 1, 0  # the line of position ``_counted`` of ``buf``

    def more(self, at_least: int = 0) -> bool:
        """Read the next chunk (at least ``at_least`` characters, unless the end comes first),
        dropping what has been consumed (positions start again at the current one); False,
        nothing moved, at the end of the stream."""
        if self.eof:
            return False
        parts: list[str] = []
        added = 0
        while not parts or added < at_least:
            part = self._stream.read(max(self._chunk, at_least - added))
            if not part:
                self.eof = True
                break
            parts.append(part)
            added += len(part)
        if not parts:
            return False
        self.line_at(self.at)
        self.buf, self._counted, self.at = self.buf[self.at :] + "".join(parts), 0, 0
        return True

    def line_at(self, at: int) -> int:
        """The line position ``at`` of ``buf`` is on (positions asked for never go back)."""
        self._line += self.buf.count("\n", self._counted, at)
        self._counted = at
        return self._line

    def skip_whitespace(self) -> str:
        """Move past whitespace; the character there ("" at the end of the text)."""
        while True:
            found = WHITESPACE.match(self.buf, self.at)
            self.at = self.at if found is None else found.end()
            if self.at < len(self.buf):
                return self.buf[self.at]
            if not self.more():
                return ""

    def decode(self, decoder: json.JSONDecoder) -> Any:
        """The JSON value at the current position, read on as far as it goes; the position
        moves past it. JsonArrayError if it is not valid JSON."""
        wanted = self._chunk
        while True:
            try:
                value, end = decoder.raw_decode(self.buf, self.at)
            except json.JSONDecodeError as error:
                cut = error.msg.startswith("Unterminated string") or (
                    error.pos >= len(self.buf) - NEAR_END
                )
                if cut and self.more(wanted):
                    wanted *= 2  # an element longer than a chunk: read twice as much each time
                    continue
                reason = f"not valid JSON ({error.msg})"
                raise JsonArrayError(self.line_at(error.pos), reason, error.msg) from None
            # A number near the end may go on in the next chunk (12|34, 2.|5, 1|e5).
            if end < len(self.buf) - NEAR_END or not self.more(wanted):
                self.at = end
                return value
            wanted *= 2


def array_elements(stream: TextIO, chunk: int = CHUNK) -> Iterator[tuple[int, Any]]:
    """Each element of the JSON array that is the whole text of ``stream``, with the line it
    starts on. A leading BOM is skipped. JsonArrayError (after the elements before it) for a
    text that is no array, an element that is not valid JSON, a missing ',' or ']', or text
    after the array."""
    text, decoder = _Text(stream, chunk), json.JSONDecoder()
    text.more()
    if text.buf.startswith("\ufeff"):
        text.at = 1
    if text.skip_whitespace() != "[":
        raise NotAnArrayError(
            text.line_at(text.at), "expected a JSON array of objects ([{...}, ...])"
        )
    text.at += 1
    if text.skip_whitespace() == "]":
        text.at += 1
    else:
        while True:
            line = text.line_at(text.at)
            yield line, text.decode(decoder)
            after = text.skip_whitespace()
            text.at += 1
            if after == "]":
                break
            if after != ",":
                raise JsonArrayError(text.line_at(text.at - 1), "expected ',' or ']' after a row")
            text.skip_whitespace()
    if text.skip_whitespace():
        raise TextAfterArrayError(text.line_at(text.at), "unexpected text after the array")

"""The mmap threshold fix (core/memory.py): after it, a large block freed and allocated again
is still mapped on its own, so freeing it gives the memory back (glibc's default raises the
threshold at the first free and serves the next ones from the heap)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import ctypes, sys
from desktop_app.core.memory import keep_large_blocks_mapped
if sys.argv[1] == "fixed":
    assert keep_large_blocks_mapped()

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]

libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MallInfo2
first = bytearray(300_000)
del first  # glibc's default raises its threshold to this size here
before = libc.mallinfo2().hblks
second = bytearray(200_000)
print(libc.mallinfo2().hblks - before)
"""


def mapped_after_a_free(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode], check=True, capture_output=True, text=True
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_a_large_block_stays_mapped_after_the_first_free() -> None:
    assert mapped_after_a_free("default") == 0  # the trap: it came from the heap
    assert mapped_after_a_free("fixed") == 1

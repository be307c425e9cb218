"""Give large freed buffers back to the system at once (Linux, glibc).

glibc's malloc serves a request of 128 KiB or more with its own ``mmap``, returned to the system
on ``free``, until the first such block is freed: then it raises that threshold to the block's
size, and later blocks of that size come from the heap, where small long-lived objects between
them keep the freed space from going back. A reader of PostgreSQL rows receives them in buffers
of up to 256 KiB (asyncio's read size), so exporting a million rows grew the window's resident
memory by 55-82 MB; with the threshold fixed at 128 KiB, by 9-11 MB (bench/export.py, see
docs/benchmarks.md). Setting the threshold explicitly turns the raising off.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's own starting value, kept from then on


def keep_large_blocks_mapped() -> bool:
    """Fix glibc's mmap threshold at 128 KiB; True if it was set (False off glibc: macOS,
    Windows, musl, where there is nothing to fix or no ``mallopt``)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The program's own symbols, libc's among them: no library search (find_library runs
        # ldconfig in a subprocess, at every start).
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))

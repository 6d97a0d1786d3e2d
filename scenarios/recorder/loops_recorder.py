"""Records the output of a loop program: asyncio's loop API used directly.

A loop program (scenarios/loops/NAME.py) defines a plain ``def main()`` that
makes its own loops with ``new_event_loop()`` (a VirtualLoop from
vclock_recorder: stock asyncio on a virtual clock that starts at 0.0) and
drives them with run_until_complete(), run_forever(), stop() and close().
It prints with ``say(*parts)``: "<time> <task> <parts>" while a loop is
running, "- - <parts>" outside any loop (the lines between the calls matter
here). ``fmt_time`` and ``show`` print values as vloop's recorder does;
``Deadlock`` is raised when a loop would block forever.

Usage:  python3 loops_recorder.py PROGRAM.py
"""
import asyncio
import os
import runpy
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vclock_recorder import Deadlock, VirtualLoop, fmt_time, show  # noqa: E402

_lines = []


def say(*parts):
    """Record "<time> <task> <parts>", or "- - <parts>" when no loop is running."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is None:
        prefix = "- -"
    else:
        task = asyncio.current_task()
        prefix = "%s %s" % (fmt_time(loop.time()), "-" if task is None else task.get_name())
    _lines.append("%s %s" % (prefix, " ".join(str(p) for p in parts)))


def new_event_loop():
    """asyncio.new_event_loop() on the virtual clock."""
    return VirtualLoop()


def main(argv):
    if len(argv) != 1:
        sys.exit("usage: python3 loops_recorder.py PROGRAM.py")
    namespace = runpy.run_path(argv[0], init_globals={
        "say": say, "new_event_loop": new_event_loop, "fmt_time": fmt_time, "show": show, "Deadlock": Deadlock,
    })
    namespace["main"]()
    # coroutines never awaited (refused by a running loop) are closed later; keep stderr quiet
    sys.unraisablehook = lambda unraisable: None
    sys.stdout.write("".join(line + "\n" for line in _lines))


if __name__ == "__main__":
    main(sys.argv[1:])

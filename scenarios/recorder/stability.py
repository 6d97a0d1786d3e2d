"""Record programs many times and report any recording that differs.

A network scenario's golden output is trusted only if CPython prints the
same thing every time: the recorder lets the loopback network settle before
each select (vclock_recorder._settle), and this script checks that it does.
Each recording runs in its own process (fresh ports, fresh kernel sockets),
with --iterations, so that the loop iteration of every line is compared
too.  A program is UNSTABLE if the lines that go into its .out file differ
between recordings; it is "stable, iterations vary" if only the iterations
differ (its .out file is trustworthy, but it pins no iteration counts: say
so in scenarios/net/README.md).  A program whose NAME.out exists is also
compared with it.

Usage:  python3 scenarios/recorder/stability.py [-n 20] [-j 1] PROGRAM.py...
Exit status: 0 if every program's lines were stable (and matched its .out), 1 if not.
"""
import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys

RECORDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vclock_recorder.py")


def record(program, iterations=True):
    """One recording in a fresh process: its stdout (raises on failure)."""
    argv = [sys.executable, RECORDER] + (["--iterations"] if iterations else []) + [program]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        return "recorder exited with %d\n%s" % (done.returncode, done.stderr)
    return done.stdout


def strip_iterations(text):
    """The .out text from a --iterations recording (drop the first column)."""
    return "".join(line.split(" ", 1)[1] + "\n" for line in text.splitlines())


def _diff_variants(variants, times):
    """Problems (strings) describing how the recordings in `variants` differ."""
    problems = []
    if len(variants) > 1:
        ranked = sorted(variants.items(), key=lambda kv: -len(kv[1]))
        common, runs = ranked[0]
        problems.append("%d different recordings in %d runs (most common: runs %s)" % (
            len(variants), times, ",".join(map(str, runs))))
        for other, where in ranked[1:]:
            problems.append("runs %s differ:\n%s" % (",".join(map(str, where)), "".join(difflib.unified_diff(
                common.splitlines(True), other.splitlines(True), "most common", "runs %s" % where[0]))))
    return problems


def check(program, times, jobs):
    """Record `program` `times` times: (problems with its lines, notes on its iterations)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        outputs = list(pool.map(lambda _: record(program), range(times)))
    variants, lines = {}, {}
    for i, out in enumerate(outputs):
        variants.setdefault(out, []).append(i + 1)
        lines.setdefault(strip_iterations(out), []).append(i + 1)
    problems = _diff_variants(lines, times)
    notes = [] if problems else _diff_variants(variants, times)
    golden = os.path.splitext(program)[0] + ".out"
    if os.path.exists(golden):
        with open(golden) as f:
            expected = f.read()
        for got, where in lines.items():
            if got != expected:
                problems.append("runs %s differ from %s:\n%s" % (",".join(map(str, where)), golden, "".join(
                    difflib.unified_diff(expected.splitlines(True), got.splitlines(True), golden, "recorded"))))
    return problems, notes


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20, help="recordings per program (default 20)")
    parser.add_argument("-j", type=int, default=1, help="recordings at once (default 1)")
    parser.add_argument("programs", nargs="+")
    args = parser.parse_args(argv)
    bad = 0
    for program in args.programs:
        problems, notes = check(program, args.n, args.j)
        if problems:
            bad += 1
            print("UNSTABLE %s" % program)
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        elif notes:
            print("stable   %s (%d recordings), iterations vary" % (program, args.n))
            for p in notes:
                print("  " + p.replace("\n", "\n  "))
        else:
            print("stable   %s (%d recordings)" % (program, args.n))
        sys.stdout.flush()
    print("%d program(s), %d unstable" % (len(args.programs), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

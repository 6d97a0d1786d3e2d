import asyncio
import sys
from asyncio.subprocess import PIPE

# A Python child: reads stdin, answers on stdout and stderr, exits with a code.
async def main():
    code = "import sys; d = sys.stdin.read(); print(d.upper(), end=''); print('done', file=sys.stderr); sys.exit(len(d))"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate(b"abc")
    log("stdout", out, "stderr", err, "returncode", proc.returncode)

import asyncio

# StreamReader.readuntil with a tuple of separators (Python 3.13): the match
# that ends first wins, the shorter separator where two end at the same byte.
async def main():
    async def handle(reader, writer):
        writer.write(b"one\r\ntwo\nthree|four\r\nabcb")
        await writer.drain()
        await asyncio.sleep(1)
        writer.write(b"tail without separator")
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=16)
    log("crlf or lf:", await reader.readuntil((b"\r\n", b"\n")))
    log("crlf or lf:", await reader.readuntil((b"\n", b"\r\n")))
    log("pipe or crlf:", await reader.readuntil((b"\r\n", b"|")))
    log("crlf alone:", await reader.readuntil((b"\r\n",)))
    log("ab c or b:", await reader.readuntil((b"bc", b"b")))
    log("then cb:", await reader.readuntil((b"cb", b"x")))
    try:
        await reader.readuntil(())
    except ValueError as e:
        log("empty tuple:", e)
    try:
        await reader.readuntil((b"\n", b""))
    except ValueError as e:
        log("empty separator:", e)
    try:
        await reader.readuntil((b"!", b"?"))
    except asyncio.LimitOverrunError as e:
        log("limit:", e, e.consumed, "at", asyncio.get_running_loop().time())
    log("the rest:", await reader.read(100))
    try:
        await reader.readuntil((b"!", b"?"))
    except asyncio.IncompleteReadError as e:
        log("eof:", e.partial, e.expected)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

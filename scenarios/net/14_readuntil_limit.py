import asyncio

# readuntil with a small limit: LimitOverrunError when the separator is found past the limit;
# the bytes stay in the buffer. readuntil(b"") is a ValueError.
async def main():
    async def handle(reader, writer):
        writer.write(b"0123456789|ab|")
        await asyncio.sleep(1)
        writer.write(b"cdefghijklmnop|")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=8)
    try:
        await reader.readuntil(b"|")
    except asyncio.LimitOverrunError as e:
        log("LimitOverrunError", e.consumed, e)
    log("read 11", await reader.read(11))
    log("until", await reader.readuntil(b"|"))
    try:
        await reader.readuntil(b"|")
    except asyncio.LimitOverrunError as e:
        log("LimitOverrunError", e.consumed, e)
    try:
        await reader.readuntil(b"")
    except ValueError as e:
        log("ValueError", e)
    log("rest", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

import asyncio

# writelines() hands all its chunks to the kernel in one sendmsg(): to a peer that has
# closed, that one call succeeds (the peer's kernel answers with a reset), so writelines
# and drain() return without an error, as a single write() would. (Found by the fuzzer:
# chunk by chunk, the second send() would see the reset and the transport would close.)
async def main():
    async def handle(reader, writer):
        writer.close()
        await writer.wait_closed()
        log("server closed")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("client reads", await reader.read())
    writer.writelines([b"one", b"two", b"three"])
    log("writelines: is_closing", writer.is_closing())
    await writer.drain()
    log("drain returned")
    await asyncio.sleep(0)
    writer.writelines([b"four", b"five"])
    log("writelines again: is_closing", writer.is_closing())
    try:
        await writer.wait_closed()
    except Exception as e:
        log("wait_closed", type(e).__name__, e)
    server.close()
    await server.wait_closed()

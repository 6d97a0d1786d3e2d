import asyncio

# set_write_buffer_limits: low defaults to high // 4, high to 4 * low; low > high is a ValueError.
async def main():
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    t = writer.transport
    log("default", t.get_write_buffer_limits())
    t.set_write_buffer_limits(high=100)
    log("high=100", t.get_write_buffer_limits())
    t.set_write_buffer_limits(low=10)
    log("low=10", t.get_write_buffer_limits())
    t.set_write_buffer_limits(high=0)
    log("high=0", t.get_write_buffer_limits())
    try:
        t.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        log("ValueError", e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

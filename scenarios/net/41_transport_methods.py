import asyncio

# The transport's small methods: get_protocol/set_protocol (the new protocol gets the later
# callbacks), writelines, can_write_eof, write buffer size and limits, eof_received returning True
# (the transport stays open so the server can still answer), get_extra_info.
class First(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        log("first connection_made", transport.get_protocol() is self)
    def data_received(self, data):
        log("first data_received", data)
        second = Second(self.transport)
        self.transport.set_protocol(second)
        log("get_protocol is second", self.transport.get_protocol() is second)

class Second(asyncio.Protocol):
    def __init__(self, transport):
        self.transport = transport
    def data_received(self, data):
        log("second data_received", data, iteration())
    def eof_received(self):
        log("second eof_received", iteration())
        self.transport.writelines([b"re", b"ply"])
        self.transport.close()
        return True
    def connection_lost(self, exc):
        log("second connection_lost", exc, iteration())

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def data_received(self, data):
        log("client data_received", data, iteration())
    def eof_received(self):
        log("client eof_received", iteration())
    def connection_lost(self, exc):
        log("client connection_lost", exc, iteration())
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(First, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, proto = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    log("can_write_eof", transport.can_write_eof())
    log("limits", transport.get_write_buffer_limits(), "size", transport.get_write_buffer_size())
    transport.set_write_buffer_limits(high=8)
    log("limits", transport.get_write_buffer_limits())
    log("is_reading", transport.is_reading(), "is_closing", transport.is_closing())
    log("extra missing", transport.get_extra_info("nothing"), transport.get_extra_info("nothing", 7))
    transport.write(b"one")
    await asyncio.sleep(0.5)
    transport.writelines([b"tw", b"o"])
    transport.writelines([])
    await asyncio.sleep(0.5)
    transport.write_eof()
    log("after write_eof is_closing", transport.is_closing())
    try:
        transport.writelines([b"x"])
    except RuntimeError as e:
        log("writelines after write_eof:", e)
    await done
    server.close()
    await server.wait_closed()

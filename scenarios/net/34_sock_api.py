import asyncio
import socket

# The loop's low-level socket calls: sock_accept, sock_connect, sock_sendall, sock_recv, and how
# many iterations each takes.
async def main():
    loop = asyncio.get_running_loop()
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen()
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    n = iteration()
    accepted, (conn, addr) = await asyncio.gather(
        loop.sock_connect(csock, lsock.getsockname()), loop.sock_accept(lsock))
    log("connect + accept took", iteration() - n)
    conn.setblocking(False)
    n = iteration()
    await loop.sock_sendall(csock, b"abc")
    log("sock_sendall took", iteration() - n)
    log("sock_recv", await loop.sock_recv(conn, 10), "took", iteration() - n)
    n = iteration()
    recv = asyncio.ensure_future(loop.sock_recv(conn, 10))
    await asyncio.sleep(0)
    await loop.sock_sendall(csock, b"later")
    log("sock_recv waited", await recv, "took", iteration() - n)
    csock.close()
    log("after close", await loop.sock_recv(conn, 10))
    conn.close()
    lsock.close()

/**
 * The network methods of the event loop: `loop.createConnection`,
 * `loop.createServer`, `loop.createDatagramEndpoint` and the `loop.sock_*`
 * calls, as asyncio has them on its loop.
 *
 * The loop (src/futures/eventLoop.ts, layer 4) must not import the network
 * (src/net, layer 5), so the network adds these methods to EventLoop itself:
 * the declarations below merge into the EventLoop class's type, and the
 * assignments at the end put the methods on its prototype. src/index.ts
 * imports this module, so every program that imports "vloop" has them. Each
 * is the module function of the same name, which runs on the running loop;
 * called on another loop, it says so.
 */
import type { CoroutineObject } from "../futures/coroutine.js";
import { RuntimeError } from "../errors.js";
import { EventLoop } from "../futures/eventLoop.js";
import { currentLoop } from "../loop/running.js";
import { type DatagramEndpointOptions, type DatagramTransport, createDatagramEndpoint } from "./datagram.js";
import type { Address } from "./kernel.js";
import type { DatagramProtocol } from "./protocols.js";
import { type Server, type ServerOptions, createConnection, createServer } from "./server.js";
import { type Socket, sockAccept, sockConnect, sockRecv, sockRecvInto, sockRecvfrom, sockRecvfromInto, sockSendall, sockSendto } from "./sockApi.js";
import type { SocketTransport, StreamProtocol } from "./transport.js";

declare module "../futures/eventLoop.js" {
  interface EventLoop {
    /**
     * Connects to `host`:`port` and returns [transport, protocol] with
     * `protocolFactory()`'s protocol, 4 loop iterations later (connectionMade has run);
     * with `{ sock }` (host and port null), on a socket sockConnect connected.
     * Mirrors `loop.create_connection(protocol_factory, host, port)`.
     * @throws TypeError if protocolFactory is not a function or the port is not 0-65535;
     *   ConnectionRefusedError when nothing listens there; gaierror for an unknown host.
     * @example const [transport, protocol] = yield* getRunningLoop().createConnection(() => new Client(), "127.0.0.1", port);
     */
    createConnection<P extends StreamProtocol>(protocolFactory: () => P, host: string | null, port: number | null, options?: { sock?: Socket | null }): CoroutineObject<[SocketTransport, P]>;

    /**
     * Listens on `host`:`port` (port 0 picks a free one), or on `{ sock }`, and serves each
     * connection with a new `protocolFactory()` protocol.
     * Mirrors `loop.create_server(protocol_factory, host, port, start_serving=True, backlog=100)`.
     * @throws TypeError if protocolFactory is not a function or the port is not 0-65535;
     *   OSError 98 if the port is taken; gaierror for an unknown host.
     * @example const server = yield* getRunningLoop().createServer(() => new Echo(), "127.0.0.1", 0);
     */
    createServer(protocolFactory: () => StreamProtocol, host: string | null, port: number | null, options?: ServerOptions): CoroutineObject<Server>;

    /**
     * Makes a UDP endpoint bound to `localAddr` and/or connected to
     * `remoteAddr`; returns [transport, protocol] 2 iterations later.
     * Mirrors `loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None)`.
     * @throws TypeError, ValueError, OSError as createDatagramEndpoint().
     * @example const [transport, proto] = yield* getRunningLoop().createDatagramEndpoint(() => new Client(), { remoteAddr: ["127.0.0.1", port] });
     */
    createDatagramEndpoint<P extends DatagramProtocol>(protocolFactory: () => P, options?: DatagramEndpointOptions): CoroutineObject<[DatagramTransport, P]>;

    /**
     * Connects a non-blocking socket. Mirrors `loop.sock_connect(sock, address)`.
     * @throws ValueError for a blocking socket; ConnectionRefusedError when nothing listens.
     * @example yield* getRunningLoop().sockConnect(csock, lsock.getsockname());
     */
    sockConnect(sock: Socket, address: Address): CoroutineObject<void>;

    /**
     * Accepts a connection: [conn, address]. Mirrors `loop.sock_accept(sock)`.
     * @throws ValueError for a blocking socket; OSError 22 if not listening.
     * @example const [conn, addr] = yield* getRunningLoop().sockAccept(lsock);
     */
    sockAccept(sock: Socket): CoroutineObject<[Socket, Address]>;

    /**
     * Sends all of `data`. Mirrors `loop.sock_sendall(sock, data)`.
     * @throws ValueError for a blocking socket; the connection's errors.
     * @example yield* getRunningLoop().sockSendall(csock, b("abc"));
     */
    sockSendall(sock: Socket, data: Uint8Array): CoroutineObject<void>;

    /**
     * Receives up to `n` bytes (empty after EOF). Mirrors `loop.sock_recv(sock, n)`.
     * @throws ValueError for a blocking socket; ConnectionResetError after a reset.
     * @example const data = yield* getRunningLoop().sockRecv(conn, 1024);
     */
    sockRecv(sock: Socket, n: number): CoroutineObject<Uint8Array>;

    /**
     * Receives into `buf`; returns the count. Mirrors `loop.sock_recv_into(sock, buf)`.
     * @throws ValueError for a blocking socket.
     * @example const n = yield* getRunningLoop().sockRecvInto(conn, buf);
     */
    sockRecvInto(sock: Socket, buf: Uint8Array): CoroutineObject<number>;

    /**
     * Receives a datagram and its source: [data, address] (null on a TCP socket). Mirrors `loop.sock_recvfrom(sock, bufsize)`.
     * @throws ValueError for a blocking socket.
     * @example const [data, from] = yield* getRunningLoop().sockRecvfrom(usock, 2048);
     */
    sockRecvfrom(sock: Socket, n: number): CoroutineObject<[Uint8Array, Address | null]>;

    /**
     * Receives a datagram into `buf`: [count, address]. Mirrors `loop.sock_recvfrom_into(sock, buf, nbytes=0)`.
     * @throws ValueError for a blocking socket or a bad nbytes.
     * @example const [n, from] = yield* getRunningLoop().sockRecvfromInto(usock, buf);
     */
    sockRecvfromInto(sock: Socket, buf: Uint8Array, nbytes?: number): CoroutineObject<[number, Address | null]>;

    /**
     * Sends a datagram to `address`; returns the bytes sent. Mirrors `loop.sock_sendto(sock, data, address)`.
     * @throws ValueError for a blocking socket; gaierror for an unknown host.
     * @example yield* getRunningLoop().sockSendto(usock, b("ping"), ["127.0.0.1", port]);
     */
    sockSendto(sock: Socket, data: Uint8Array, address: Address): CoroutineObject<number>;
  }
}

/**
 * The method `name` of a loop: `fn` on the running loop, which must be this
 * one (asyncio would make futures of one loop and await them on another).
 */
function onThisLoop<A extends unknown[], R>(name: string, fn: (...args: A) => R): (this: EventLoop, ...args: A) => R {
  return function (this: EventLoop, ...args: A): R {
    const running = currentLoop();
    if (running !== null && running !== this) throw new RuntimeError(`loop.${name}(): this loop is not the running loop (call it on getRunningLoop())`);
    return fn(...args);
  };
}

const proto = EventLoop.prototype;
proto.createConnection = onThisLoop("createConnection", createConnection) as EventLoop["createConnection"];
proto.createServer = onThisLoop("createServer", createServer);
proto.createDatagramEndpoint = onThisLoop("createDatagramEndpoint", createDatagramEndpoint) as EventLoop["createDatagramEndpoint"];
proto.sockConnect = onThisLoop("sockConnect", sockConnect);
proto.sockAccept = onThisLoop("sockAccept", sockAccept);
proto.sockSendall = onThisLoop("sockSendall", sockSendall);
proto.sockRecv = onThisLoop("sockRecv", sockRecv);
proto.sockRecvInto = onThisLoop("sockRecvInto", sockRecvInto);
proto.sockRecvfrom = onThisLoop("sockRecvfrom", sockRecvfrom);
proto.sockRecvfromInto = onThisLoop("sockRecvfromInto", sockRecvfromInto);
proto.sockSendto = onThisLoop("sockSendto", sockSendto);

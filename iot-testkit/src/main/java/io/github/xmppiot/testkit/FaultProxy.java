package io.github.xmppiot.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fault-injecting TCP proxy for tests of devices and services: put it between a client and an XMPP server (connect
 * the client to {@link #port()} on {@link #host()}) and break the network on purpose.
 *
 * <ul>
 * <li>{@link #cutAll()} closes every proxied connection at once, as a router reboot or a dropped Wi-Fi link does.
 * <li>{@link #cut(Duration)} closes every connection and closes new connections at once for a while (the network is
 *     down; a client's connection attempts fail quickly).
 * <li>{@link #blackHole(Duration)} stops forwarding for a while without closing anything: bytes are held back (like
 *     packets a broken link swallows and TCP later retransmits) and delivered, in order, when the hole ends;
 *     {@link #blackHole(Duration, Direction)} does so in one direction only, for example to keep a client's request
 *     in flight while the server's answers (and its closing of the stream) still get through.
 * <li>{@link #latency(Duration)} delays every forwarded chunk by a fixed time in each direction.
 * </ul>
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to(server)) {
 *     IotConnectionConfig config = server.iotConfigBuilder("thing").port(proxy.port()).build();
 *     ...
 *     proxy.cut(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Listens on a free loopback port. Each connection uses two daemon threads; at most {@link #MAX_CONNECTIONS}
 * connections are proxied at a time (further ones are closed at once). Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

    /** The largest number of connections proxied at the same time. */
    public static final int MAX_CONNECTIONS = 64;

    private static final AtomicInteger IDS = new AtomicInteger();

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final String name;
    private volatile long downUntil;
    private volatile long holeUpUntil;
    private volatile long holeDownUntil;
    private volatile long latencyNanos;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.name = "fault-proxy-" + IDS.incrementAndGet();
        long now = System.nanoTime();
        this.downUntil = now;
        this.holeUpUntil = now;
        this.holeDownUntil = now;
        Thread t = new Thread(this::acceptLoop, name + "-accept");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts a proxy to a host and port.
     *
     * @param host the target host
     * @param port the target port
     * @return the running proxy
     * @throws UncheckedIOException if no loopback port can be opened
     */
    public static FaultProxy start(String host, int port) {
        try {
            return new FaultProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback port for the proxy", e);
        }
    }

    /**
     * Starts a proxy to the c2s port of a test server.
     *
     * @param server the server
     * @return the running proxy
     */
    public static FaultProxy to(ProsodyServer server) {
        return start(ProsodyServer.HOST, server.port());
    }

    /** @return the address clients connect to */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** @return the port clients connect to */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the number of connections proxied now */
    public int connectionCount() {
        return links.size();
    }

    /** @return the number of client connections accepted since the start, including those closed at once */
    public int acceptedCount() {
        return accepted.get();
    }

    /** Closes every proxied connection at once (both sides see the connection end). New connections are proxied. */
    public void cutAll() {
        for (Link l : links) {
            l.close();
        }
    }

    /**
     * Takes the network down for a while: closes every proxied connection and closes new connections at once until
     * the time is over.
     *
     * @param duration how long the network stays down
     */
    public void cut(Duration duration) {
        downUntil = System.nanoTime() + duration.toNanos();
        cutAll();
    }

    /**
     * Stops forwarding in both directions for a while without closing any connection; the held bytes are delivered
     * in order afterwards. New connections are accepted but get no answer until the hole ends.
     *
     * @param duration how long nothing gets through
     */
    public void blackHole(Duration duration) {
        blackHole(duration, Direction.BOTH);
    }

    /**
     * Stops forwarding in one direction for a while; see {@link #blackHole(Duration)}. A zero duration ends the hole
     * in that direction.
     *
     * @param duration  how long nothing gets through
     * @param direction which way
     */
    public void blackHole(Duration duration, Direction direction) {
        long until = System.nanoTime() + duration.toNanos();
        if (direction != Direction.TO_CLIENT) {
            holeUpUntil = until;
        }
        if (direction != Direction.TO_SERVER) {
            holeDownUntil = until;
        }
    }

    /** The direction of a {@link #blackHole(Duration, Direction)}. */
    public enum Direction {
        /** From the clients to the server. */
        TO_SERVER,
        /** From the server to the clients. */
        TO_CLIENT,
        /** Both ways. */
        BOTH
    }

    /**
     * Delays every forwarded chunk of bytes by this time, in each direction.
     *
     * @param delay the added one-way latency, or zero for none
     */
    public void latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        latencyNanos = delay.toNanos();
    }

    /** Ends every fault: the network is up, nothing held, no added latency. */
    public void heal() {
        long now = System.nanoTime();
        downUntil = now;
        holeUpUntil = now;
        holeDownUntil = now;
        latencyNanos = 0;
    }

    /** Stops the proxy and closes every connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        cutAll();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + target + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            if (System.nanoTime() - downUntil < 0 || links.size() >= MAX_CONNECTIONS) {
                closeQuietly(client);
                continue;
            }
            Thread t = new Thread(() -> open(client), name + "-open");
            t.setDaemon(true);
            t.start();
        }
    }

    private void open(Socket client) {
        waitForHoleToEnd(true, null);
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target, 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        if (closed || System.nanoTime() - downUntil < 0) {
            link.close();
            return;
        }
        link.start();
    }

    private void waitForHoleToEnd(boolean up, Link link) {
        long remaining;
        while (!closed
                && (link == null || links.contains(link))
                && (remaining = (up ? holeUpUntil : holeDownUntil) - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(10)));
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** One proxied connection: two pumps, closed together. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pump(client, upstream, true);
            pump(upstream, client, false);
        }

        private void pump(Socket from, Socket to, boolean up) {
            Thread t = new Thread(
                    () -> {
                        byte[] buffer = new byte[16384];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            int n;
                            while ((n = in.read(buffer)) >= 0) {
                                long due = System.nanoTime() + latencyNanos;
                                waitForHoleToEnd(up, this);
                                long wait;
                                while ((wait = due - System.nanoTime()) > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the connection ended or was cut
                        } finally {
                            close();
                        }
                    },
                    name + (up ? "-up" : "-down"));
            t.setDaemon(true);
            t.start();
        }

        /**
         * Closes both sockets, then forgets the link. In that order: a pump holding bytes in a black hole stops waiting
         * as soon as its link is forgotten, and its bytes must then meet a closed socket, not reach the other side.
         */
        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
            links.remove(this);
        }
    }
}

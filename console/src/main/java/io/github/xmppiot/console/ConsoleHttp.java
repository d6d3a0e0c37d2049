package io.github.xmppiot.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's HTTP surface on the JDK's {@link HttpServer}: a loopback listener, a one-time token exchanged for a
 * session cookie, CSRF protection, a content security policy and a limit on every input.
 *
 * <p>Rules, checked on every request before any handler runs:
 * <ul>
 *   <li>the {@code Host} header must name the console's own address (no DNS rebinding): the bound address, and
 *       {@code localhost} on loopback, or any address of this machine when bound to the wildcard address;</li>
 *   <li>the first request carries {@code ?token=T} (the one-time token printed by {@code xmpp-iot console}); it is
 *       exchanged for an {@code HttpOnly; SameSite=Strict} session cookie and cannot be used again; every later
 *       request needs that cookie, else 401;</li>
 *   <li>every POST needs the header {@value #CSRF_HEADER} equal to the session's CSRF token (given by
 *       {@code GET /api/session}) and a same-origin {@code Origin} if one is sent, else 403;</li>
 *   <li>request bodies above {@value #MAX_BODY} bytes get 413, URIs above {@value #MAX_URI} characters 414;</li>
 *   <li>at most {@value Events#MAX_STREAMS} event streams are open at once (429 beyond);</li>
 *   <li>at most {@value #THREADS} requests are served at once and {@value #QUEUE} more wait; beyond that the
 *       listener serves them itself, one at a time, and accepts nothing new meanwhile (back-pressure).</li>
 * </ul>
 * Every answer carries the content security policy {@value #CSP} (no inline script), {@code nosniff},
 * {@code no-referrer} and {@code no-store}.
 */
public final class ConsoleHttp implements AutoCloseable {

    /** Largest accepted request body in bytes. */
    public static final int MAX_BODY = 64 * 1024;
    /** Longest accepted request URI in characters. */
    public static final int MAX_URI = 4096;
    /** Most bytes of a refused (too large) body read and dropped before answering. */
    public static final int MAX_DRAIN = 1024 * 1024;
    /** Request threads. */
    public static final int THREADS = 12;
    /** Requests waiting for a thread. */
    public static final int QUEUE = 64;
    /** Header carrying the CSRF token on state changes. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Name of the session cookie. */
    public static final String COOKIE = "xmppiot_console";
    /** The content security policy of every answer. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Logger LOG = Logger.getLogger(ConsoleHttp.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Router router;
    private final Events events = new Events();
    private final String token = random();
    private final Set<String> hosts;
    private final String primaryHost;
    private volatile boolean tokenUsed;
    private volatile String session;
    private volatile String csrf;

    private ConsoleHttp(
            HttpServer server, ThreadPoolExecutor executor, Router router, Set<String> hosts, String primaryHost) {
        this.primaryHost = primaryHost;
        this.server = server;
        this.executor = executor;
        this.router = router;
        this.hosts = hosts;
    }

    /**
     * Starts listening.
     *
     * @param address the address to bind (the console binds {@code 127.0.0.1} unless told otherwise)
     * @param port    the port, 0 for a free one
     * @param router  the API and page routes
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static ConsoleHttp start(InetAddress address, int port, Router router) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "xmpp-iot-console-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        int bound = server.getAddress().getPort();
        String host = address.isLoopbackAddress() || address.isAnyLocalAddress() ? "127.0.0.1" : literal(address);
        Set<String> hosts = new java.util.LinkedHashSet<>(java.util.List.of(host + ":" + bound));
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            hosts.add("localhost:" + bound);
        }
        if (address.isAnyLocalAddress()) { // every address of this machine names it
            for (java.net.NetworkInterface ni :
                    java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                    hosts.add(literal(a) + ":" + bound);
                }
            }
        }
        ConsoleHttp http = new ConsoleHttp(server, executor, router, Set.copyOf(hosts), host + ":" + bound);
        server.createContext("/", http::serve);
        server.setExecutor(executor);
        server.start();
        return http;
    }

    /** @return the URL to open, carrying the one-time token */
    public URI url() {
        return URI.create("http://" + primaryHost + "/?token=" + token);
    }

    /** @return the port listened on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the address listened on */
    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    /** @return the event streams (server-sent events) of the pages */
    public Events events() {
        return events;
    }

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            Headers h = x.getResponseHeaders();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cache-Control", "no-store");
            h.set("X-Frame-Options", "DENY");
            URI uri = x.getRequestURI();
            if (uri.toString().length() > MAX_URI) {
                send(x, 414, "text/plain", "request URI too long");
                return;
            }
            String hostHeader = x.getRequestHeaders().getFirst("Host");
            if (hostHeader == null || !hosts.contains(hostHeader.toLowerCase(java.util.Locale.ROOT))) {
                send(x, 421, "text/plain", "wrong Host header: open the URL printed by xmpp-iot console");
                return;
            }
            Map<String, String> query = Router.query(uri.getRawQuery());
            if (!authenticated(x)) {
                String given = query.get("token");
                if (given != null && !tokenUsed && same(given, token)) {
                    synchronized (this) {
                        if (!tokenUsed) {
                            tokenUsed = true;
                            session = random();
                            csrf = random();
                        }
                    }
                    h.add("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
                    h.set("Location", "/");
                    send(x, 303, "text/plain", "");
                    return;
                }
                send(
                        x,
                        401,
                        "text/plain; charset=utf-8",
                        tokenUsed
                                ? "This console's one-time link was already used by another browser. Restart"
                                        + " 'xmpp-iot console' for a new link."
                                : "Open the link printed by 'xmpp-iot console' (it carries the one-time token).");
                return;
            }
            if (query.containsKey("token")) {
                h.set("Location", "/"); // a reload of the link: the cookie already identifies the browser
                send(x, 303, "text/plain", "");
                return;
            }
            String method = x.getRequestMethod();
            if ("POST".equals(method) && !csrfOk(x)) {
                send(x, 403, "application/json", "{\"error\":\"missing or wrong " + CSRF_HEADER + " header\"}");
                return;
            }
            byte[] body = new byte[0];
            if ("POST".equals(method)) {
                body = readBody(x);
                if (body == null) {
                    send(x, 413, "application/json", "{\"error\":\"request body larger than " + MAX_BODY + " bytes\"}");
                    return;
                }
            }
            if ("GET".equals(method) && "/api/session".equals(uri.getPath())) {
                send(x, 200, "application/json", "{\"csrf\":\"" + csrf + "\"}");
                return;
            }
            if ("GET".equals(method) && "/api/events".equals(uri.getPath())) {
                events.stream(x);
                return;
            }
            Router.Answer a = router.answer(method, uri.getPath(), query, body);
            send(x, a.status(), a.contentType(), a.body());
        } catch (IOException e) {
            LOG.log(Level.FINE, "console request aborted", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "console request failed", e);
        }
    }

    private boolean authenticated(HttpExchange x) {
        String s = session;
        if (s == null) {
            return false;
        }
        for (String header : x.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=") && same(p.substring(COOKIE.length() + 1), s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean csrfOk(HttpExchange x) {
        String given = x.getRequestHeaders().getFirst(CSRF_HEADER);
        String origin = x.getRequestHeaders().getFirst("Origin");
        if (origin != null && hosts.stream().noneMatch(hh -> origin.equalsIgnoreCase("http://" + hh))) {
            return false;
        }
        return given != null && csrf != null && same(given, csrf);
    }

    /**
     * Reads the body.
     *
     * @return the body, or null if it is larger than {@link #MAX_BODY}; up to {@link #MAX_DRAIN} bytes of a refused
     *         body are read and dropped, so that the client gets the answer before the connection closes
     */
    private static byte[] readBody(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length <= MAX_BODY) {
                return b;
            }
            long dropped = 0;
            byte[] sink = new byte[8192];
            for (int n; dropped < MAX_DRAIN && (n = in.read(sink)) > 0; ) {
                dropped += n;
            }
            x.getResponseHeaders().set("Connection", "close");
            return null;
        }
    }

    static void send(HttpExchange x, int status, String type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        send(x, status, type, b);
    }

    static void send(HttpExchange x, int status, String type, byte[] b) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        }
    }

    /** An address as written in a URL's host: IPv6 in brackets, without a zone. */
    private static String literal(InetAddress a) {
        String h = a.getHostAddress();
        int zone = h.indexOf('%');
        h = zone < 0 ? h : h.substring(0, zone);
        return a instanceof java.net.Inet6Address ? "[" + h.toLowerCase(java.util.Locale.ROOT) + "]" : h;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Stops listening and ends the event streams. */
    @Override
    public void close() {
        events.close();
        server.stop(0);
        executor.shutdownNow();
    }
}

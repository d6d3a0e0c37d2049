package io.github.xmppiot.console;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events from the console to its pages ({@code GET /api/events}): live values, connection state and
 * changes. At most {@value #MAX_STREAMS} streams are open at once (429 beyond); each has a queue of
 * {@value #QUEUE} events, and a page too slow to take them is disconnected (its browser reconnects by itself).
 * A comment line every {@value #KEEP_ALIVE_SECONDS} s finds closed pages.
 */
public final class Events implements AutoCloseable {

    /** Most open event streams. */
    public static final int MAX_STREAMS = 4;
    /** Events queued per stream. */
    public static final int QUEUE = 256;
    /** Seconds between keep-alive comments. */
    public static final int KEEP_ALIVE_SECONDS = 15;

    private static final byte[] CLOSE = new byte[0];

    private final Set<BlockingQueue<byte[]>> streams = new CopyOnWriteArraySet<>();
    private volatile Object lastConnection;

    /**
     * Sends an event to every open page.
     *
     * @param name the event name
     * @param data the data, written as JSON
     */
    public void publish(String name, Object data) {
        byte[] b;
        try {
            b = ("event: " + name + "\ndata: " + JSON.std.asString(data) + "\n\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        if ("connection".equals(name)) {
            lastConnection = data;
        }
        for (BlockingQueue<byte[]> q : streams) {
            if (!q.offer(b)) {
                q.clear(); // too slow: this page reconnects and gets fresh values
                q.offer(CLOSE);
            }
        }
    }

    /** @return the number of open streams */
    public int open() {
        return streams.size();
    }

    void stream(HttpExchange x) throws IOException {
        BlockingQueue<byte[]> q = new ArrayBlockingQueue<>(QUEUE);
        synchronized (streams) {
            if (streams.size() >= MAX_STREAMS) {
                ConsoleHttp.send(
                        x,
                        429,
                        "application/json",
                        "{\"error\":\"too many open console pages (at most " + MAX_STREAMS + "); close one\"}");
                return;
            }
            streams.add(q);
        }
        try {
            x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            Object connection = lastConnection;
            if (connection != null) {
                out.write(("event: connection\ndata: " + JSON.std.asString(connection) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            while (true) {
                byte[] b = q.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (b == CLOSE) {
                    break;
                }
                out.write(b == null ? ":\n\n".getBytes(StandardCharsets.UTF_8) : b);
                out.flush();
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(q);
        }
    }

    /** Ends every stream. */
    @Override
    public void close() {
        for (BlockingQueue<byte[]> q : streams) {
            q.clear();
            q.offer(CLOSE);
        }
    }
}

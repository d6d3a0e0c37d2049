package io.github.xmppiot.console;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's routes: JSON API handlers for {@code GET} and {@code POST}, and the static pages (HTML, JS, CSS and
 * the uPlot chart library from its WebJar) read from the class path. A handler failing with {@link ConsoleException}
 * answers its status and message; any other failure answers 502 with a one-line message (the device's or the
 * server's error).
 */
public final class Router {

    /** Most query parameters read from one request. */
    public static final int MAX_PARAMETERS = 32;

    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final String WEB = "io/github/xmppiot/console/web/";
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "png",
            "image/png",
            "svg",
            "image/svg+xml");

    private final Map<String, Handler> get = new ConcurrentHashMap<>();
    private final Map<String, Handler> post = new ConcurrentHashMap<>();
    private final Map<String, String> files = new ConcurrentHashMap<>();

    /** A JSON API handler. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers a request.
         *
         * @param request the query parameters and the JSON body
         * @return the answer, turned into JSON (a record, map, list, string or number)
         * @throws Exception on failure
         */
        Object handle(Request request) throws Exception;
    }

    /**
     * A request.
     *
     * @param query the query parameters
     * @param body  the JSON body's members (empty for GET)
     */
    public record Request(Map<String, String> query, Map<String, Object> body) {
        /**
         * A required string from the query or the body.
         *
         * @param name the parameter
         * @return the value
         * @throws ConsoleException 400 if missing
         */
        public String required(String name) {
            String v = optional(name);
            if (v == null || v.isBlank()) {
                throw new ConsoleException(400, "missing parameter '" + name + "'");
            }
            return v;
        }

        /**
         * An optional string from the query or the body.
         *
         * @param name the parameter
         * @return the value, or null
         */
        public String optional(String name) {
            Object v = body.containsKey(name) ? body.get(name) : query.get(name);
            return v == null ? null : String.valueOf(v);
        }
    }

    /** An answer: status, content type and bytes. */
    record Answer(int status, String contentType, byte[] body) {}

    /** Creates the router with the pages and the chart library. */
    public Router() {
        files.put("/", WEB + "index.html");
        files.put("/app.js", WEB + "app.js");
        files.put("/pages.js", WEB + "pages.js");
        files.put("/admin.js", WEB + "admin.js");
        files.put("/app.css", WEB + "app.css");
        String uplot = "META-INF/resources/webjars/uplot/" + ConsoleVersions.UPLOT + "/dist/";
        files.put("/vendor/uPlot.iife.min.js", uplot + "uPlot.iife.min.js");
        files.put("/vendor/uPlot.min.css", uplot + "uPlot.min.css");
    }

    /**
     * Adds a GET handler.
     *
     * @param path    the path, such as {@code /api/devices}
     * @param handler the handler
     * @return this router
     */
    public Router get(String path, Handler handler) {
        get.put(path, handler);
        return this;
    }

    /**
     * Adds a POST handler (a state change: the HTTP layer has checked the CSRF token).
     *
     * @param path    the path
     * @param handler the handler
     * @return this router
     */
    public Router post(String path, Handler handler) {
        post.put(path, handler);
        return this;
    }

    Answer answer(String method, String path, Map<String, String> query, byte[] body) {
        Handler h = switch (method) {
            case "GET" -> get.get(path);
            case "POST" -> post.get(path);
            default -> null;
        };
        if (h == null) {
            if ("GET".equals(method) && files.containsKey(path)) {
                return file(files.get(path));
            }
            return json(
                    get.containsKey(path) || post.containsKey(path) ? 405 : 404,
                    Map.of("error", "no such resource: " + method + " " + path));
        }
        try {
            Map<String, Object> members = body.length == 0 ? Map.of() : JSON.std.mapFrom(body);
            return json(200, h.handle(new Request(query, members == null ? Map.of() : members)));
        } catch (ConsoleException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            if (e.field() != null) {
                m.put("field", e.field());
            }
            return json(e.status(), m);
        } catch (IOException e) {
            return json(400, Map.of("error", "the body is not a JSON object"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json(503, Map.of("error", "the console is stopping"));
        } catch (Exception e) {
            LOG.log(Level.FINE, "request failed", e);
            return json(502, Map.of("error", Failures.describe(e)));
        }
    }

    private Answer file(String resource) {
        try (InputStream in = Router.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return json(404, Map.of("error", "missing resource " + resource));
            }
            String ext = resource.substring(resource.lastIndexOf('.') + 1);
            return new Answer(200, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        } catch (IOException e) {
            return json(500, Map.of("error", "cannot read " + resource));
        }
    }

    static Answer json(int status, Object value) {
        try {
            return new Answer(status, "application/json", JSON.std.asBytes(value));
        } catch (IOException e) {
            return new Answer(
                    500,
                    "application/json",
                    "{\"error\":\"cannot write the answer\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Parses a raw query string.
     *
     * @param raw the raw query, may be null
     * @return the parameters (the first value of each, at most {@link #MAX_PARAMETERS})
     */
    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&", MAX_PARAMETERS + 1)) {
            if (m.size() == MAX_PARAMETERS) {
                break;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                m.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed escape: the parameter is left out
            }
        }
        return m;
    }
}

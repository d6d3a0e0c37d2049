package io.github.xmppiot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's HTTP surface: loopback, one-time token, session cookie, CSRF, CSP and the limits. */
class ConsoleHttpTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> posted = new ArrayList<>();
    private ConsoleHttp http;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Router router = new Router()
                .get("/api/hello", r -> Map.of("hello", "world"))
                .post("/api/change", r -> {
                    posted.add(r.required("what"));
                    return Map.of("changed", r.required("what"));
                });
        http = ConsoleHttp.start(Console.Options.defaults().bind(), 0, router);
        base = "http://127.0.0.1:" + http.port();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void listensOnLoopbackOnlyByDefault() {
        assertThat(Console.Options.defaults().bind().isLoopbackAddress()).isTrue();
        assertThat(http.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(http.url().toString()).startsWith(base + "/?token=");
    }

    @Test
    void withoutTheTokenEverythingIsRefused() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/hello", "/api/events", "/api/session", "/?token=wrong")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).contains("xmpp-iot console");
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleHttp.CSP);
        }
        assertThat(post("/api/change", null, null, "{\"what\":\"x\"}").statusCode())
                .isEqualTo(401);
        assertThat(posted).isEmpty();
    }

    @Test
    void theTokenIsExchangedOnceForAStrictHttpOnlyCookie() throws Exception {
        String cookie = login();
        HttpResponse<String> again =
                get(http.url().getRawPath() + "?" + http.url().getRawQuery(), null);
        assertThat(again.statusCode()).as("a used token").isEqualTo(401);
        assertThat(again.body()).contains("already used");
        HttpResponse<String> hello = get("/api/hello", cookie);
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(get("/api/hello", ConsoleHttp.COOKIE + "=forged").statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyAndThePagesHaveNoInlineScript() throws Exception {
        String cookie = login();
        HttpResponse<String> page = get("/", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleHttp.CSP);
        assertThat(ConsoleHttp.CSP).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body())
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=");
        for (String asset : List.of("/app.js", "/pages.js", "/app.css", "/vendor/uPlot.iife.min.js")) {
            HttpResponse<String> r = get(asset, cookie);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(asset)
                    .hasValue(ConsoleHttp.CSP);
        }
        assertThat(get("/api/nothing", cookie).statusCode()).isEqualTo(404);
    }

    @Test
    void stateChangesNeedTheCsrfTokenAndTheSameOrigin() throws Exception {
        String cookie = login();
        String body = "{\"what\":\"relay\"}";
        assertThat(post("/api/change", cookie, null, body).statusCode()).isEqualTo(403);
        assertThat(post("/api/change", cookie, "wrong", body).statusCode()).isEqualTo(403);
        String csrf = csrf(cookie);
        HttpResponse<String> foreign = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/change"))
                        .header("Cookie", cookie)
                        .header(ConsoleHttp.CSRF_HEADER, csrf)
                        .header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(posted).isEmpty();
        HttpResponse<String> ok = post("/api/change", cookie, csrf, body);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(posted).containsExactly("relay");
        assertThat(get("/api/change", cookie).statusCode())
                .as("GET never changes state")
                .isEqualTo(405);
    }

    @Test
    void bodiesAboveTheLimitAreRefused() throws Exception {
        String cookie = login();
        String csrf = csrf(cookie);
        String big = "{\"what\":\"" + "x".repeat(ConsoleHttp.MAX_BODY) + "\"}";
        assertThat(post("/api/change", cookie, csrf, big).statusCode()).isEqualTo(413);
        assertThat(post("/api/change", cookie, csrf, "not json").statusCode()).isEqualTo(400);
        assertThat(post("/api/change", cookie, csrf, "{}").statusCode()).isEqualTo(400);
        assertThat(posted).isEmpty();
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        login();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: rebound.example:" + http.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).contains(" 421 ");
        }
    }

    @Test
    void eventStreamsAreLimited() throws Exception {
        String cookie = login();
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < Events.MAX_STREAMS; i++) {
                HttpResponse<InputStream> r =
                        client.send(request("/api/events", cookie).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
                open.add(r.body());
            }
            HttpResponse<String> refused = get("/api/events", cookie);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("at most " + Events.MAX_STREAMS);
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    private String login() throws Exception {
        HttpResponse<String> r = get(http.url().getRawPath() + "?" + http.url().getRawQuery(), null);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String csrf(String cookie) throws Exception {
        Matcher m = Pattern.compile("\"csrf\":\"([^\"]+)\"")
                .matcher(get("/api/session", cookie).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return client.send(request(path, cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String csrf, String body) throws Exception {
        HttpRequest.Builder b = request(path, cookie).header("Content-Type", "application/json");
        if (csrf != null) {
            b.header(ConsoleHttp.CSRF_HEADER, csrf);
        }
        return client.send(
                b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

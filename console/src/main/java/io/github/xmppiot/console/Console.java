package io.github.xmppiot.console;

import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionStateListener;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

/**
 * The browser console: a web UI on the SDK's client APIs for one logged-in account, served on the loopback interface
 * ({@link ConsoleHttp}) with live values ({@link Live}), control (XEP-0325), hub management (XEP-0326) and the thing
 * registry (XEP-0347). It is a client: devices stay behind the XMPP server. The page shows the connection's
 * {@link ConnectionEvent}s (offline, reconnecting, back online).
 */
public final class Console implements AutoCloseable {

    private final ConsoleHttp http;
    private final Live live;
    private final ConnectionSupervisor supervisor;
    private final ConnectionStateListener listener;

    /**
     * Options of the console.
     *
     * @param bind     the address to listen on ({@code 127.0.0.1} unless the user insists)
     * @param port     the port, 0 for a free one
     * @param timeout  the reply timeout of each request to a device
     * @param interval the time between two live read-outs of a watched device
     * @param registry the thing registry (XEP-0347), or null for the one the server advertises
     */
    public record Options(InetAddress bind, int port, Duration timeout, Duration interval, Jid registry) {
        /** Validates. */
        public Options {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(interval, "interval");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            if (interval.toMillis() < 200) {
                throw new IllegalArgumentException("interval must be at least 200 ms");
            }
        }

        /**
         * The defaults: loopback, a free port, 10 s timeout, a read-out every 5 s, the advertised registry.
         *
         * @return the options
         */
        public static Options defaults() {
            return new Options(
                    InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(10), Duration.ofSeconds(5), null);
        }
    }

    private Console(ConsoleHttp http, Live live, ConnectionSupervisor supervisor, ConnectionStateListener listener) {
        this.http = http;
        this.live = live;
        this.supervisor = supervisor;
        this.listener = listener;
    }

    /**
     * Starts the console on a logged-in connection.
     *
     * @param connection the account's connection (kept; reconnected by its {@link ConnectionSupervisor})
     * @param options    the options
     * @return the running console; {@link #url()} is the link to open
     * @throws IOException if the address cannot be bound
     */
    public static Console start(XMPPConnection connection, Options options) throws IOException {
        Router router = new Router();
        DeviceAdapter device = new DeviceAdapter(connection, options.timeout());
        HubAdapter hub = new HubAdapter(connection, options.timeout());
        RegistryAdapter registry = new RegistryAdapter(connection, options.timeout(), options.registry());
        ConsoleHttp http = ConsoleHttp.start(options.bind(), options.port(), router);
        Events events = http.events();
        ContactsAdapter contacts =
                new ContactsAdapter(connection, jid -> events.publish("presence", Map.of("jid", jid)));
        Live live = new Live(device, events, options.interval());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", connection.isAuthenticated() ? "online" : "offline");
        state.put("text", connection.isAuthenticated() ? "online as " + connection.getUser() : "offline");
        events.publish("connection", state);
        ConnectionStateListener listener = e -> events.publish("connection", describe(e));
        ConnectionSupervisor supervisor = ConnectionSupervisor.getInstanceFor(connection);
        supervisor.addListener(listener);

        router.get("/api/me", r -> Map.of("jid", contacts.me()))
                .get("/api/devices", r -> contacts.contacts())
                .post("/api/befriend", r -> Map.of("asked", contacts.befriend(r.required("jid"))))
                .post("/api/watch", r -> {
                    String name = r.required("jid");
                    return live.watch(name, contacts.resolve(name, SensorDataServer.NAMESPACE));
                })
                .get(
                        "/api/read",
                        r -> device.read(
                                contacts.resolve(r.required("jid"), SensorDataServer.NAMESPACE),
                                r.optional("node"),
                                "true".equals(r.optional("historical"))))
                .get(
                        "/api/form",
                        r -> device.form(
                                contacts.resolve(r.required("jid"), ControlServer.NAMESPACE), r.optional("node")))
                .post(
                        "/api/set",
                        r -> device.set(
                                contacts.resolve(r.required("jid"), ControlServer.NAMESPACE),
                                r.optional("node"),
                                r.required("name"),
                                r.optional("value")));
        String hubFeature = ConcentratorServer.FEATURE;
        router.get("/api/hub/nodes", r -> hub.nodes(contacts.resolve(r.required("jid"), hubFeature)))
                .get(
                        "/api/hub/types",
                        r -> hub.types(contacts.resolve(r.required("jid"), hubFeature), r.optional("parent")))
                .get(
                        "/api/hub/new-form",
                        r -> hub.newForm(
                                contacts.resolve(r.required("jid"), hubFeature),
                                r.optional("parent"),
                                r.required("type")))
                .post(
                        "/api/hub/add",
                        r -> hub.add(
                                contacts.resolve(r.required("jid"), hubFeature),
                                r.optional("parent"),
                                r.required("type"),
                                Json.strings(r.body().get("values"))))
                .get(
                        "/api/hub/edit-form",
                        r -> hub.editForm(contacts.resolve(r.required("jid"), hubFeature), r.required("node")))
                .post(
                        "/api/hub/edit",
                        r -> hub.edit(
                                contacts.resolve(r.required("jid"), hubFeature),
                                r.required("node"),
                                Json.strings(r.body().get("values"))))
                .post(
                        "/api/hub/remove",
                        r -> hub.remove(contacts.resolve(r.required("jid"), hubFeature), r.required("node")))
                .get(
                        "/api/hub/read",
                        r -> device.read(contacts.resolve(r.required("jid"), hubFeature), r.required("node"), false));
        router.post(
                        "/api/registry/search",
                        r -> registry.search(
                                r.optional("registry"),
                                Json.stringList(r.body().get("conditions")),
                                r.optional("offset")))
                .post(
                        "/api/registry/claim",
                        r -> registry.claim(
                                r.optional("registry"), r.required("claim"), !"false".equals(r.optional("public"))))
                .post(
                        "/api/registry/remove",
                        r -> registry.remove(r.optional("registry"), r.required("jid"), r.optional("node"), false))
                .post(
                        "/api/registry/disown",
                        r -> registry.remove(r.optional("registry"), r.required("jid"), r.optional("node"), true));
        return new Console(http, live, supervisor, listener);
    }

    static Map<String, Object> describe(ConnectionEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        String state;
        if (e instanceof ConnectionEvent.Online) {
            state = "online";
        } else if (e instanceof ConnectionEvent.Offline) {
            state = "offline";
        } else if (e instanceof ConnectionEvent.Reconnecting) {
            state = "reconnecting";
        } else if (e instanceof ConnectionEvent.Restored) {
            state = "back";
        } else {
            state = "gave-up";
        }
        m.put("state", state);
        m.put("text", e.describe());
        return m;
    }

    /** @return the link to open, with the one-time token */
    public URI url() {
        return http.url();
    }

    /** @return the address listened on */
    public InetAddress address() {
        return http.address();
    }

    /** Stops the console (the connection stays open: its owner closes it). */
    @Override
    public void close() {
        supervisor.removeListener(listener);
        live.close();
        http.close();
    }
}

package io.github.xmppiot.testkit;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What {@link ProsodyExtension} and {@link EjabberdExtension} share: one server per test class (nested classes share
 * their enclosing class's), stopped after the class also when tests or the startup fail; connections created during a
 * test disconnected after it; the server's log written during a failed test printed to standard error; every test
 * skipped with {@value ProsodyExtension#SKIP_PROPERTY}{@code =true}.
 *
 * @param <S> the server type
 * @since 0.1.0
 */
public abstract sealed class XmppServerExtension<S extends XmppTestServerBase>
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestWatcher
        permits ProsodyExtension, EjabberdExtension {

    private static final String SERVER = "server";
    private static final String OWNER = "owner";
    private static final String MARK = "connection-mark";
    private static final String LOG_POSITION = "log-position";

    private final Class<S> type;
    private final String name;
    private final ExtensionContext.Namespace ns;

    XmppServerExtension(Class<S> type, String name) {
        this.type = type;
        this.name = name;
        this.ns = ExtensionContext.Namespace.create(getClass());
    }

    /**
     * Starts the server for a test class, configured from its annotation.
     *
     * @param context the class's context
     * @return the running server
     */
    abstract S start(ExtensionContext context);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (skipped(context)) {
            return; // every test is aborted in beforeEach, so reports count them as skipped
        }
        if (context.getStore(ns).get(SERVER, type) != null) {
            return; // nested class: the enclosing class's server is visible through the store hierarchy
        }
        S server = start(context);
        context.getStore(ns).put(SERVER, server);
        context.getStore(ns).put(OWNER, context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(ns);
        if (context.getUniqueId().equals(store.get(OWNER, String.class))) {
            S server = store.remove(SERVER, type);
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeFalse(
                skipped(context), name + " integration tests skipped: " + ProsodyExtension.SKIP_PROPERTY + "=true");
        server(context).ifPresent(server -> {
            context.getStore(ns).put(MARK, server.connectionMark());
            context.getStore(ns).put(LOG_POSITION, server.logPosition());
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Integer mark = context.getStore(ns).get(MARK, Integer.class);
        server(context).ifPresent(server -> server.disconnectFrom(mark == null ? 0 : mark));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        server(context).ifPresent(server -> {
            Long position = context.getStore(ns).get(LOG_POSITION, Long.class);
            System.err.println("=== " + name + " log during failed test " + context.getDisplayName() + " (" + server
                    + ") ===\n" + server.logSince(position == null ? 0 : position)
                    + "\n=== end of " + name + " log ===");
        });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext)
                .orElseThrow(() -> new ParameterResolutionException(
                        "No " + name + " server is running for " + extensionContext.getDisplayName()));
    }

    private static boolean skipped(ExtensionContext context) {
        return context.getConfigurationParameter(ProsodyExtension.SKIP_PROPERTY)
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    private Optional<S> server(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(ns).get(SERVER, type));
    }
}

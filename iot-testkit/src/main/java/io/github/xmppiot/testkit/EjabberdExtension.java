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
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link EjabberdTest}: before all tests of a class it starts an {@link EjabberdServer}, after
 * them it stops it and deletes its directory. Connections created with {@link EjabberdServer#connect(String)} during a
 * test are disconnected after that test; when a test fails, the part of ejabberd's log written during it is printed to
 * standard error. If ejabberd is not installed the class fails with a message that says how to install it; with
 * {@value ProsodyExtension#SKIP_PROPERTY}{@code =true} (the same switch as for Prosody) every test is skipped.
 */
public class EjabberdExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EjabberdExtension.class);
    private static final String SERVER = "server";
    private static final String OWNER = "owner";
    private static final String MARK = "connection-mark";
    private static final String LOG_POSITION = "log-position";

    /** Creates the extension; JUnit does this through {@link EjabberdTest}. */
    public EjabberdExtension() {
        // stateless: all state lives in the extension context stores
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (skipped(context)) {
            return; // every test is aborted in beforeEach, so reports count them as skipped
        }
        if (context.getStore(NS).get(SERVER, EjabberdServer.class) != null) {
            return; // nested class: the enclosing class's server is visible through the store hierarchy
        }
        EjabberdTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), EjabberdTest.class)
                .orElseGet(() -> DefaultSettings.class.getAnnotation(EjabberdTest.class));
        EjabberdServer server = EjabberdServer.start(annotation.logLevel());
        context.getStore(NS).put(SERVER, server);
        context.getStore(NS).put(OWNER, context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        if (context.getUniqueId().equals(store.get(OWNER, String.class))) {
            EjabberdServer server = store.remove(SERVER, EjabberdServer.class);
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeFalse(skipped(context), "ejabberd integration tests skipped: " + ProsodyExtension.SKIP_PROPERTY + "=true");
        server(context).ifPresent(server -> {
            context.getStore(NS).put(MARK, server.connectionMark());
            context.getStore(NS).put(LOG_POSITION, server.logPosition());
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Integer mark = context.getStore(NS).get(MARK, Integer.class);
        server(context).ifPresent(server -> server.disconnectFrom(mark == null ? 0 : mark));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        server(context).ifPresent(server -> {
            Long position = context.getStore(NS).get(LOG_POSITION, Long.class);
            System.err.println("=== ejabberd log during failed test " + context.getDisplayName() + " (" + server
                    + ") ===\n" + server.logSince(position == null ? 0 : position)
                    + "\n=== end of ejabberd log ===");
        });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EjabberdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext).orElseThrow(() -> new ParameterResolutionException(
                "No ejabberd server is running for " + extensionContext.getDisplayName()));
    }

    private static boolean skipped(ExtensionContext context) {
        return context.getConfigurationParameter(ProsodyExtension.SKIP_PROPERTY).map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<EjabberdServer> server(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NS).get(SERVER, EjabberdServer.class));
    }

    /** Carrier of the annotation defaults for classes that register the extension with {@code @ExtendWith}. */
    @EjabberdTest
    private static final class DefaultSettings {
    }
}

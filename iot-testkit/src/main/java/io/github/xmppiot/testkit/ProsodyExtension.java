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
 * JUnit 5 extension behind {@link ProsodyTest}.
 *
 * <ul>
 *   <li>Before all tests of a class it starts a {@link ProsodyServer} configured from the annotation; after them it
 *   stops the server and deletes its directory, also when tests or the startup fail. Nested test classes share the
 *   server of their enclosing class.</li>
 *   <li>Connections created with {@link ProsodyServer#connect(String)} during a test are disconnected after that test;
 *   those created in {@code @BeforeAll} methods live until the class is done.</li>
 *   <li>When a test fails, the part of Prosody's log written during that test is printed to standard error.</li>
 *   <li>If Prosody is not installed, the class fails with a message that says how to install it. With the system
 *   property or JUnit configuration parameter {@value #SKIP_PROPERTY}{@code =true} no server is started and every
 *   test is skipped (aborted by an assumption, so reports count it as skipped), whether or not Prosody is
 *   installed.</li>
 *   <li>The configuration parameter {@value ProsodyOptions#PROSODY_BINARY_PROPERTY} selects another Prosody
 *   executable.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public class ProsodyExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestWatcher {

    /** System property or configuration parameter that skips all Prosody tests when {@code true}. */
    public static final String SKIP_PROPERTY = "xmpp.it.skip";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ProsodyExtension.class);
    private static final String SERVER = "server";
    private static final String OWNER = "owner";
    private static final String MARK = "connection-mark";
    private static final String LOG_POSITION = "log-position";

    /** Creates the extension; JUnit does this through {@link ProsodyTest}. */
    public ProsodyExtension() {
        // stateless: all state lives in the extension context stores
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (skipped(context)) {
            return; // every test is aborted in beforeEach, so reports count them as skipped
        }
        if (context.getStore(NS).get(SERVER, ProsodyServer.class) != null) {
            return; // nested class: the enclosing class's server is visible through the store hierarchy
        }
        ProsodyTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProsodyTest.class)
                .orElseGet(() -> DefaultSettings.class.getAnnotation(ProsodyTest.class));
        ProsodyOptions.Builder options = ProsodyOptions.builder()
                .tls(annotation.tls())
                .logLevel(annotation.logLevel())
                .extraModules(annotation.extraModules());
        context.getConfigurationParameter(ProsodyOptions.PROSODY_BINARY_PROPERTY).ifPresent(options::prosodyBinary);
        ProsodyServer server = ProsodyServer.start(options.build());
        context.getStore(NS).put(SERVER, server);
        context.getStore(NS).put(OWNER, context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        if (context.getUniqueId().equals(store.get(OWNER, String.class))) {
            ProsodyServer server = store.remove(SERVER, ProsodyServer.class);
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeFalse(skipped(context), "Prosody integration tests skipped: " + SKIP_PROPERTY + "=true");
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
            System.err.println("=== Prosody log during failed test " + context.getDisplayName() + " (" + server
                    + ") ===\n" + server.logSince(position == null ? 0 : position)
                    + "\n=== end of Prosody log ===");
        });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ProsodyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext).orElseThrow(() -> new ParameterResolutionException(
                "No Prosody server is running for " + extensionContext.getDisplayName()));
    }

    private static boolean skipped(ExtensionContext context) {
        return context.getConfigurationParameter(SKIP_PROPERTY).map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<ProsodyServer> server(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NS).get(SERVER, ProsodyServer.class));
    }

    /** Carrier of the annotation defaults for classes that register the extension with {@code @ExtendWith}. */
    @ProsodyTest
    private static final class DefaultSettings {
    }
}

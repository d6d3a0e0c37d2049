package io.github.xmppiot.testkit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension behind {@link PostgresTest}. The first test class that needs PostgreSQL starts one private
 * {@link PostgresServer} (a few seconds); every later class of the same test run shares it, and it is stopped and its
 * directory deleted when the run ends. If PostgreSQL is not installed the class fails with a message that says how to
 * install it; with {@value ProsodyExtension#SKIP_PROPERTY}{@code =true} every test is skipped. When a test fails, the
 * server's log is printed to standard error.
 */
public class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String SERVER = "server";

    /** Creates the extension; JUnit does this through {@link PostgresTest}. */
    public PostgresExtension() {
        // stateless: the server lives in the root extension context store
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!skipped(context)) {
            server(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeFalse(
                skipped(context), "PostgreSQL integration tests skipped: " + ProsodyExtension.SKIP_PROPERTY + "=true");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Shared shared = context.getRoot().getStore(NS).get(SERVER, Shared.class);
        if (shared != null) {
            System.err.println("=== PostgreSQL log (" + shared.server.directory() + ") ===\n" + shared.server.log()
                    + "\n=== end of PostgreSQL log ===");
        }
    }

    private static PostgresServer server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent(SERVER, key -> new Shared(PostgresServer.start()), Shared.class)
                .server;
    }

    private static boolean skipped(ExtensionContext context) {
        return context.getConfigurationParameter(ProsodyExtension.SKIP_PROPERTY)
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    /** Closes the shared server when the root context (the test run) ends. */
    private record Shared(PostgresServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}

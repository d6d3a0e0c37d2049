package io.github.xmppiot.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
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
public final class ProsodyExtension extends XmppServerExtension<ProsodyServer> {

    /** System property or configuration parameter that skips all Prosody tests when {@code true}. */
    public static final String SKIP_PROPERTY = "xmpp.it.skip";

    /** Creates the extension; JUnit does this through {@link ProsodyTest}. */
    public ProsodyExtension() {
        super(ProsodyServer.class, "Prosody"); // stateless: all state lives in the extension context stores
    }

    @Override
    ProsodyServer start(ExtensionContext context) {
        ProsodyTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProsodyTest.class)
                .orElseGet(() -> DefaultSettings.class.getAnnotation(ProsodyTest.class));
        ProsodyOptions.Builder options = ProsodyOptions.builder()
                .tls(annotation.tls())
                .logLevel(annotation.logLevel())
                .extraModules(annotation.extraModules());
        context.getConfigurationParameter(ProsodyOptions.PROSODY_BINARY_PROPERTY)
                .ifPresent(options::prosodyBinary);
        return ProsodyServer.start(options.build());
    }

    /** Carrier of the annotation defaults for classes that register the extension with {@code @ExtendWith}. */
    @ProsodyTest
    private static final class DefaultSettings {}
}

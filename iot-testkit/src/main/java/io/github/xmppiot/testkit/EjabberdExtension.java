package io.github.xmppiot.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link EjabberdTest}: before all tests of a class it starts an {@link EjabberdServer}, after
 * them it stops it and deletes its directory. Connections created with {@link EjabberdServer#connect(String)} during a
 * test are disconnected after that test; when a test fails, the part of ejabberd's log written during it is printed to
 * standard error. If ejabberd is not installed the class fails with a message that says how to install it; with
 * {@value ProsodyExtension#SKIP_PROPERTY}{@code =true} (the same switch as for Prosody) every test is skipped.
 */
public final class EjabberdExtension extends XmppServerExtension<EjabberdServer> {

    /** Creates the extension; JUnit does this through {@link EjabberdTest}. */
    public EjabberdExtension() {
        super(EjabberdServer.class, "ejabberd"); // stateless: all state lives in the extension context stores
    }

    @Override
    EjabberdServer start(ExtensionContext context) {
        EjabberdTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), EjabberdTest.class)
                .orElseGet(() -> DefaultSettings.class.getAnnotation(EjabberdTest.class));
        return EjabberdServer.start(annotation.logLevel());
    }

    /** Carrier of the annotation defaults for classes that register the extension with {@code @ExtendWith}. */
    @EjabberdTest
    private static final class DefaultSettings {}
}

package io.github.xmppiot.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a real Prosody server for the annotated test class and injects it as a {@link ProsodyServer} parameter into
 * test methods, lifecycle methods and constructors. See {@link ProsodyExtension} for the life cycle, failure output
 * and the {@code -Dxmpp.it.skip=true} switch.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProsodyExtension.class)
public @interface ProsodyTest {

    /**
     * Whether the server requires STARTTLS (the default) or is plaintext-only.
     *
     * @return true for TLS
     */
    boolean tls() default true;

    /**
     * Prosody's minimum log level; the log is printed when a test fails.
     *
     * @return {@code debug} (the default, logs every stanza) or {@code info}
     */
    String logLevel() default "debug";

    /**
     * Prosody modules to load in addition to the standard set (roster, disco, ping, pep, pubsub component, ...).
     *
     * @return module names without the {@code mod_} prefix
     */
    String[] extraModules() default {};
}

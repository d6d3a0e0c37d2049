package io.github.xmppiot.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real PostgreSQL ({@link PostgresServer}), injected as a parameter into test
 * methods, lifecycle methods and constructors. See {@link PostgresExtension}: one cluster serves every test class of
 * the test run (each class creates its own database with {@link PostgresServer#createDatabase(String)}); it is stopped
 * and deleted when the run ends. {@code -Dxmpp.it.skip=true} skips the tests, as for Prosody.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {}

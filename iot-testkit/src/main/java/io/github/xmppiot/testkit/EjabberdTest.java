package io.github.xmppiot.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a real ejabberd server for the annotated test class and injects it as an {@link EjabberdServer} parameter into
 * test methods, lifecycle methods and constructors; the counterpart of {@link ProsodyTest} for the second server. See
 * {@link EjabberdExtension} for the life cycle, failure output and the {@code -Dxmpp.it.skip=true} switch. ejabberd
 * takes several seconds to start: prefer one class per module that runs its main flow.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EjabberdExtension.class)
public @interface EjabberdTest {

    /**
     * ejabberd's log level; the log is printed when a test fails.
     *
     * @return {@code info} (the default) or {@code debug} (logs every stanza)
     */
    String logLevel() default "info";
}

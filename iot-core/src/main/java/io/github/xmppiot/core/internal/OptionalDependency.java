package io.github.xmppiot.core.internal;

/**
 * Checks that an optional dependency of an xmpp-iot artifact is on the class path before a feature that needs it is
 * used, so that a missing one fails with an error naming the artifact to add instead of a {@code NoClassDefFoundError}
 * or JDBC's "no suitable driver". Device-side users do not get server-side libraries (H2, JmDNS, the QR renderer)
 * through xmpp-iot's POMs; an application that uses these features adds them itself. Not API.
 */
public final class OptionalDependency {

    private OptionalDependency() {}

    /**
     * Fails unless {@code className} can be loaded by this library's class loader or the thread's context class loader.
     *
     * @param className a class of the optional dependency, e.g. {@code org.h2.Driver}
     * @param artifact its Maven coordinates without version, e.g. {@code com.h2database:h2}
     * @param feature what needs it, e.g. {@code "H2ProvisioningStore"}
     * @throws IllegalStateException naming the artifact to add, if the class is missing
     */
    public static void require(String className, String artifact, String feature) {
        if (loadable(className, OptionalDependency.class.getClassLoader())
                || loadable(className, Thread.currentThread().getContextClassLoader())) {
            return;
        }
        throw new IllegalStateException(feature + " needs " + artifact + ", an optional dependency of xmpp-iot that is"
                + " not on the class path: add " + artifact + " to your dependencies (io.github.xmppiot:xmpp-iot-bom"
                + " manages its version)");
    }

    private static boolean loadable(String className, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

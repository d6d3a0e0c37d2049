package io.github.xmppiot.benchmarks;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * Keeps Smack's own IoT implementation (smack-experimental) from registering anything in a JVM that also runs
 * xmpp-iot.
 *
 * <p>smack-experimental's {@code ExperimentalInitializer} is an optional startup class of Smack
 * ({@code smack-config.xml}); when Smack initialises it registers the providers of
 * {@code experimental.providers} ({@code req}, {@code accepted}, {@code fields} of {@code urn:xmpp:iot:sensordata},
 * {@code set}, {@code setResponse} of {@code urn:xmpp:iot:control}, ...) with the {@code ProviderManager}, and its
 * {@code experimental.xml} starts {@code IoTDataManager}, {@code IoTDiscoveryManager} and
 * {@code IoTProvisioningManager}, which attach themselves to every new connection and install IQ handlers for the
 * same elements as xmpp-iot. Whichever registers last would win. Smack reads the system property
 * {@value #PROPERTY} once, when it initialises, and skips the classes listed there.
 */
public final class SmackIsolation {

    /** Smack's system property listing startup classes (or packages) not to load. */
    public static final String PROPERTY = "smack.disabledClasses";
    /** smack-experimental's startup class. */
    public static final String EXPERIMENTAL_INITIALIZER = "org.jivesoftware.smack.experimental.ExperimentalInitializer";
    /** JVM argument that disables it, for JMH forks. */
    public static final String JVM_ARG = "-D" + PROPERTY + "=" + EXPERIMENTAL_INITIALIZER;

    private static final String SENSOR_DATA = "urn:xmpp:iot:sensordata";
    private static final String CONTROL = "urn:xmpp:iot:control";

    private SmackIsolation() {}

    /**
     * Disables smack-experimental's initializer. Must run before any Smack class is initialised; it fails if Smack
     * had already initialised without the property.
     *
     * @throws IllegalStateException if Smack initialised before the property was set
     */
    public static void disableSmackExperimental() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isEmpty()) {
            System.setProperty(PROPERTY, EXPERIMENTAL_INITIALIZER);
        } else if (!current.contains(EXPERIMENTAL_INITIALIZER)) {
            System.setProperty(PROPERTY, current + "," + EXPERIMENTAL_INITIALIZER);
        }
        verifyDisabled();
    }

    /**
     * Initialises Smack if it has not yet, then checks that smack-experimental's initializer was disabled and that
     * none of Smack's IoT providers is registered for the sensor-data and control elements.
     *
     * @throws IllegalStateException if it was not
     */
    @SuppressWarnings("deprecation")
    public static void verifyDisabled() {
        SmackConfiguration.getVersion(); // runs SmackInitialization, which reads the property, exactly once
        if (!SmackConfiguration.isDisabledSmackClass(EXPERIMENTAL_INITIALIZER)) {
            throw new IllegalStateException("Smack initialised before " + JVM_ARG
                    + " took effect; smack-experimental's IoT providers and managers may be registered");
        }
        Object[] providers = {
            ProviderManager.getExtensionProvider("fields", SENSOR_DATA),
            ProviderManager.getIQProvider("req", SENSOR_DATA),
            ProviderManager.getIQProvider("accepted", SENSOR_DATA),
            ProviderManager.getIQProvider("set", CONTROL),
            ProviderManager.getIQProvider("setResponse", CONTROL),
        };
        for (Object p : providers) {
            if (p != null && p.getClass().getName().startsWith("org.jivesoftware.smackx.iot.")) {
                throw new IllegalStateException(
                        "Smack's IoT provider " + p.getClass().getName() + " is registered");
            }
        }
    }
}

package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.HalException;
import java.util.Locale;

/** Maps Pi4J's unchecked exceptions to {@link HalException}. */
final class Pi4jErrors {

    private Pi4jErrors() {}

    /**
     * Classifies by the message of the exception chain: Linux reports an unacknowledged I2C transfer as ENXIO
     * ("No such device or address") or EREMOTEIO ("Remote I/O error").
     */
    static HalException map(String what, RuntimeException e) {
        String text = messages(e).toLowerCase(Locale.ROOT);
        HalException.Kind kind = HalException.Kind.IO_ERROR;
        if (text.contains("remote i/o error") || text.contains("no such device")) {
            kind = HalException.Kind.DEVICE_NOT_FOUND;
        } else if (text.contains("timed out") || text.contains("timeout")) {
            kind = HalException.Kind.TIMEOUT;
        }
        return new HalException(kind, what + " failed: " + e.getMessage(), e);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(' ');
        }
        return sb.toString();
    }
}

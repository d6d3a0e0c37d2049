package io.github.xmppiot.console;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jxmpp.jid.Jid;

/**
 * Live values of the devices open in the console: each watched device is read every interval (XEP-0323 momentary
 * read-out through {@link DeviceAdapter}), the values are sent to the pages as {@code values} events and kept as a
 * series per numeric field for the charts. Bounds: {@value #MAX_DEVICES} watched devices (the least recently opened
 * one is dropped), {@value #MAX_FIELDS} charted fields per device, {@value #MAX_POINTS} points per field (the oldest
 * dropped). One named thread reads; a failed read-out is sent as a failure and retried at the next interval.
 */
final class Live implements AutoCloseable {

    /** Most devices watched at once. */
    static final int MAX_DEVICES = 8;
    /** Most charted fields per device. */
    static final int MAX_FIELDS = 64;
    /** Most points kept per field. */
    static final int MAX_POINTS = 3600;

    private static final Logger LOG = Logger.getLogger(Live.class.getName());

    private final DeviceAdapter device;
    private final Events events;
    private final ScheduledExecutorService reader;
    /** Watched device (as the page named it) → address and series; access-ordered, guarded by itself. */
    private final LinkedHashMap<String, Watched> watched = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Watched {
        final Jid address;
        final Map<String, ArrayDeque<double[]>> series = new LinkedHashMap<>();
        volatile Map<String, Object> last;

        Watched(Jid address) {
            this.address = address;
        }
    }

    Live(DeviceAdapter device, Events events, Duration interval) {
        this.device = device;
        this.events = events;
        this.reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xmpp-iot-console-live");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        reader.scheduleWithFixedDelay(this::readAll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts watching a device (or keeps watching it) and reads it once now.
     *
     * @param name    the device as named by the page
     * @param address its resolved address
     * @return {@code device}, {@code address}, {@code last} (the latest values) and {@code series} (per field,
     *         {@code [[epochMillis, value], ...]})
     */
    Map<String, Object> watch(String name, Jid address) {
        Watched w;
        synchronized (watched) {
            w = watched.get(name);
            if (w == null || !w.address.equals(address)) {
                w = new Watched(address);
                watched.put(name, w);
                Iterator<String> oldest = watched.keySet().iterator();
                while (watched.size() > MAX_DEVICES) {
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        read(name, w);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", name);
        m.put("address", address.toString());
        m.put("last", w.last);
        synchronized (w) {
            Map<String, Object> series = new LinkedHashMap<>();
            w.series.forEach((field, points) -> series.put(field, new ArrayList<>(points)));
            m.put("series", series);
        }
        return m;
    }

    private void readAll() {
        List<Map.Entry<String, Watched>> all;
        synchronized (watched) {
            all = new ArrayList<>(watched.entrySet());
        }
        for (Map.Entry<String, Watched> e : all) {
            read(e.getKey(), e.getValue());
        }
    }

    private void read(String name, Watched w) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("device", name);
        event.put("time", System.currentTimeMillis());
        try {
            Map<String, Object> r = device.read(w.address, null, false);
            event.putAll(r);
            record(w, (long) event.get("time"), r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            LOG.log(Level.FINE, "live read-out of " + name + " failed", e);
            event.put("error", Failures.describe(e));
        }
        w.last = event;
        events.publish("values", event);
    }

    @SuppressWarnings("unchecked")
    private static void record(Watched w, long time, Map<String, Object> readout) {
        synchronized (w) {
            for (Map<String, Object> f : (List<Map<String, Object>>) readout.get("fields")) {
                Double n = (Double) f.get("number");
                if (n == null) {
                    continue;
                }
                String key = f.get("node").toString().isEmpty()
                        ? f.get("name").toString()
                        : f.get("node") + "/" + f.get("name");
                ArrayDeque<double[]> points = w.series.get(key);
                if (points == null) {
                    if (w.series.size() >= MAX_FIELDS) {
                        continue;
                    }
                    points = new ArrayDeque<>();
                    w.series.put(key, points);
                }
                points.addLast(new double[] {time, n});
                while (points.size() > MAX_POINTS) {
                    points.removeFirst();
                }
            }
        }
    }

    /** Stops reading. */
    @Override
    public void close() {
        reader.shutdownNow();
    }
}

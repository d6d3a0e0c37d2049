package io.github.xmppiot.hal.mock;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * The most recent entries of a simulated part's history (writes, output levels, PWM settings, SPI transfers): at most
 * {@link MockHal#HISTORY_LIMIT} entries, older ones are dropped, so a simulated device that runs for months keeps a
 * constant footprint. Not thread-safe; the owning part synchronises.
 *
 * @param <T> the entry type
 */
final class History<T> implements Iterable<T> {

    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private long dropped;

    void add(T entry) {
        if (entries.size() == MockHal.HISTORY_LIMIT) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
    }

    List<T> list() {
        return List.copyOf(entries);
    }

    T last() {
        return entries.peekLast();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long dropped() {
        return dropped;
    }

    @Override
    public Iterator<T> iterator() {
        return entries.iterator();
    }
}

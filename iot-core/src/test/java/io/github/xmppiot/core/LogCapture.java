package io.github.xmppiot.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one {@code java.util.logging} logger logs while it is open, for tests that check log lines. Opening it
 * sets the logger to the level asked for; closing it removes the recorder and restores the logger's level.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level before;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.before = logger.getLevel();
        logger.setLevel(level);
        logger.addHandler(handler);
    }

    /**
     * Starts recording.
     *
     * @param logger the logger
     * @param level  the lowest level the logger logs while recording
     * @return the open capture
     */
    public static LogCapture of(Logger logger, Level level) {
        return new LogCapture(logger, level);
    }

    /** @return every record so far, oldest first */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /**
     * @param level a level
     * @return the records of exactly that level, oldest first
     */
    public List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).toList();
    }

    /**
     * @param level a level
     * @return the records of that level or a more severe one, oldest first
     */
    public List<LogRecord> atLeast(Level level) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= level.intValue())
                .toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(before);
    }
}

package io.github.xmppiot.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time consumed by this JVM (both XMPP connections of the end-to-end benchmark live here) and by the Prosody
 * process, so a throughput ratio can be explained as CPU cost per operation on either side. Prosody's time comes from
 * {@code /proc/PID/stat} (Linux; clock ticks, normally 10 ms), so it is only meaningful over rounds of seconds.
 */
final class CpuMeter {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path prosodyStat;

    /**
     * Finds the server process (Prosody, or ejabberd's Erlang VM {@code beam}) whose command line mentions the server's
     * directory.
     *
     * @param serverDirectory the test server's private directory
     */
    CpuMeter(Path serverDirectory) {
        String dir = serverDirectory.toString();
        Optional<ProcessHandle> p = ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .commandLine()
                        .map(c -> (c.contains("prosody") || c.contains("beam")) && c.contains(dir))
                        .orElse(false))
                .findFirst();
        Path stat =
                p.map(h -> Path.of("/proc", String.valueOf(h.pid()), "stat")).orElse(null);
        this.prosodyStat = stat != null && Files.isReadable(stat) ? stat : null;
    }

    /** @return CPU nanoseconds used by this JVM so far */
    long jvmNanos() {
        return os.getProcessCpuTime();
    }

    /** @return CPU nanoseconds used by Prosody so far, or -1 if unknown */
    long prosodyNanos() {
        if (prosodyStat == null) {
            return -1;
        }
        try {
            String s = Files.readString(prosodyStat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(3) ... utime(14) stime(15); index 0 here is field 3
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

package dev.entitynet.examples.enetattack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident set size from Linux's /proc/&lt;pid&gt;/status. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** VmRSS of process {@code pid} in KiB, or -1 when it cannot be read (no such process, not Linux). */
    public static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

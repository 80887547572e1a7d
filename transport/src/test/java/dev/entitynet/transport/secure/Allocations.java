package dev.entitynet.transport.secure;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes that the current thread allocates while running something, from the JVM's own counter. */
final class Allocations {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** Runs {@code work} {@code warmup} times so that it is compiled, then returns what one more run allocates. */
    static long measure(int warmup, Runnable work) {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
                "this JVM counts allocated bytes per thread");
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        THREADS.getCurrentThreadAllocatedBytes();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}

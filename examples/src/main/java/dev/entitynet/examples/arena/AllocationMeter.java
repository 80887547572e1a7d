package dev.entitynet.examples.arena;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread (HotSpot's per-thread allocation counter), for measuring
 * what one piece of work allocates on the thread that runs it. Threads it hands work to (Netty's
 * event loops) are not included.
 */
final class AllocationMeter {
    private final com.sun.management.ThreadMXBean threads;

    AllocationMeter() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread; run the arena on HotSpot");
        }
        bean.setThreadAllocatedMemoryEnabled(true);
        this.threads = bean;
    }

    /** Bytes the current thread allocated since it started. */
    long allocatedBytes() {
        return threads.getCurrentThreadAllocatedBytes();
    }
}

package dev.entitynet.transport.clock;

/**
 * Where the transport gets the time. Engines and simulated links take time from a clock passed in,
 * never from the system, so tests can drive them deterministically.
 */
@FunctionalInterface
public interface Clock {
    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** The system's monotonic clock. */
    static Clock system() {
        return System::nanoTime;
    }
}

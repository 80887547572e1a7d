package dev.entitynet.examples.enetattack.session;

/** The tool's millisecond clock (monotonic, from process start) and the 16-bit sent times derived from it. */
public final class MilliClock {
    private static final long ORIGIN = System.nanoTime();

    private MilliClock() {
    }

    /** Milliseconds since the tool started. */
    public static long millis() {
        return (System.nanoTime() - ORIGIN) / 1_000_000L;
    }

    /** The low 16 bits of {@link #millis()}, as a datagram header's sent time. */
    public static int sentTime() {
        return (int) (millis() & 0xFFFF);
    }
}

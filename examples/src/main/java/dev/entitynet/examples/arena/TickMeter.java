package dev.entitynet.examples.arena;

/**
 * Times a server's or a bot's ticks and counts what they allocate on the ticking thread. Only ticks
 * in the steady state (after warm-up, while {@link #steady(boolean)} is on) are recorded.
 */
final class TickMeter {
    private final AllocationMeter allocation = new AllocationMeter();
    private final TickTimes times;
    private final long meterOverhead;
    private boolean steady;
    private long steadyTicks;
    private long steadyBytes;
    private long maxTickBytes;
    private long allocatingTicks;
    private long lastAllocatingTick;

    /** Room for {@code capacity} steady ticks. */
    TickMeter(int capacity) {
        this.times = new TickTimes(capacity);
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 1000; i++) {
            long before = allocation.allocatedBytes();
            least = Math.min(least, allocation.allocatedBytes() - before);
        }
        this.meterOverhead = least;
    }

    /** Records the following ticks (true) or not (false). */
    void steady(boolean value) {
        steady = value;
    }

    /** Runs one tick of {@code side}, measuring it when steady. */
    void tick(Tickable side) {
        long bytesBefore = allocation.allocatedBytes();
        long start = System.nanoTime();
        side.tick();
        long nanos = System.nanoTime() - start;
        long bytes = allocation.allocatedBytes() - bytesBefore - meterOverhead;
        if (steady) {
            times.record(nanos);
            steadyTicks++;
            steadyBytes += bytes;
            maxTickBytes = Math.max(maxTickBytes, bytes);
            if (bytes > 0) {
                allocatingTicks++;
                lastAllocatingTick = steadyTicks;
            }
        }
    }

    /** Steady tick durations. */
    TickTimes times() {
        return times;
    }

    /** Steady ticks measured. */
    long steadyTicks() {
        return steadyTicks;
    }

    /** Mean bytes allocated per steady tick. */
    double bytesPerTick() {
        return steadyTicks == 0 ? 0 : (double) steadyBytes / steadyTicks;
    }

    /** Most bytes one steady tick allocated. */
    long maxTickBytes() {
        return maxTickBytes;
    }

    /**
     * The steady tick (1-based) that last allocated anything, 0 if none did: early means one-off
     * allocations while the run settles, late means a rate.
     */
    long lastAllocatingTick() {
        return lastAllocatingTick;
    }

    /** Steady ticks that allocated anything. */
    long allocatingTicks() {
        return allocatingTicks;
    }
}

package dev.entitynet.examples.arena;

import java.util.concurrent.locks.LockSupport;

/** Keeps a loop at a fixed tick rate; a loop that falls behind starts afresh instead of bursting to catch up. */
final class Pacer {
    private final long periodNanos;
    private long next;

    Pacer(int ticksPerSecond) {
        this.periodNanos = 1_000_000_000L / ticksPerSecond;
        this.next = System.nanoTime() + periodNanos;
    }

    /** Waits until the next tick is due. */
    void awaitNextTick() {
        long now;
        while ((now = System.nanoTime()) < next) {
            LockSupport.parkNanos(next - now);
        }
        next = now - next > periodNanos ? now + periodNanos : next + periodNanos;
    }
}

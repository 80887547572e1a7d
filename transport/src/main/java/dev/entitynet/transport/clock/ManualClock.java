package dev.entitynet.transport.clock;

import java.util.concurrent.TimeUnit;

/** A clock that moves only when told to: deterministic tests and simulations. */
public final class ManualClock implements Clock {
    private long now;

    /** A clock at time 0. */
    public ManualClock() {
    }

    /** A clock at {@code startNanos}. */
    public ManualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves time forward by {@code amount} {@code unit}s. */
    public void advance(long amount, TimeUnit unit) {
        if (amount < 0) {
            throw new IllegalArgumentException("time only moves forward; got " + amount + " " + unit);
        }
        now += unit.toNanos(amount);
    }

    /** Moves time forward by {@code millis} milliseconds. */
    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }
}

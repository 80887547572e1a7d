package dev.entitynet.ecs.guard;

import dev.entitynet.transport.SendResult;

/**
 * The sending side's counterpart of {@link ViolationCounters}: how many of this side's own calls
 * (RPCs and {@code sendBytes}) did not return {@link SendResult#SENT}, by result, so a sender can
 * read why its calls did not go out. Totals since creation or {@link #reset}.
 */
public final class SendCounters {
    private final long[] counts = new long[SendResult.values().length];

    /** Counts {@code result} unless it is {@link SendResult#SENT}; returns it. */
    public SendResult record(SendResult result) {
        if (result != SendResult.SENT) {
            counts[result.ordinal()]++;
        }
        return result;
    }

    /** Calls that ended with {@code result} ({@link SendResult#SENT} is not counted: always 0). */
    public long count(SendResult result) {
        return counts[result.ordinal()];
    }

    /** Calls that did not return {@link SendResult#SENT}. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** Zeroes every count. */
    public void reset() {
        java.util.Arrays.fill(counts, 0);
    }
}

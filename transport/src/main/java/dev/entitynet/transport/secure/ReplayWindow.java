package dev.entitynet.transport.secure;

import java.util.Arrays;

/**
 * Replay protection for 64-bit sequence numbers: remembers which of the last {@link #SIZE}
 * sequence numbers up to the highest one seen have arrived, in a ring of bits, so that each is
 * accepted once, in any order, and anything older than the window is refused. Sequence numbers
 * compare as unsigned. Allocation-free and not thread-safe.
 *
 * <p>Only authenticated packets may be {@linkplain #markReceived marked}: otherwise a forger
 * could move the window forward and make the real packets look too old.
 */
public final class ReplayWindow {
    /** Sequence numbers remembered below and including the highest one seen. */
    public static final int SIZE = 1024;

    private final long[] bits = new long[SIZE / Long.SIZE];
    private long highest;
    private boolean empty = true;

    /** True when {@code sequence} is {@link #SIZE} or more below the highest sequence number seen. */
    public boolean isTooOld(long sequence) {
        return !empty && Long.compareUnsigned(sequence, highest) <= 0 && Long.compareUnsigned(highest - sequence, SIZE) >= 0;
    }

    /** True when {@code sequence} is inside the window and was already marked. */
    public boolean isDuplicate(long sequence) {
        return !empty && Long.compareUnsigned(sequence, highest) <= 0 && !isTooOld(sequence) && isSet(sequence);
    }

    /** Remembers {@code sequence}, moving the window forward when it is the highest so far; ignores a too-old one. */
    public void markReceived(long sequence) {
        if (empty) {
            empty = false;
            highest = sequence;
        } else if (Long.compareUnsigned(sequence, highest) > 0) {
            // The bits of the numbers skipped over still hold those one window older: clear them.
            if (Long.compareUnsigned(sequence - highest, SIZE) >= 0) {
                Arrays.fill(bits, 0);
            } else {
                for (long skipped = highest + 1; skipped != sequence; skipped++) {
                    bits[word(skipped)] &= ~mask(skipped);
                }
            }
            highest = sequence;
        } else if (isTooOld(sequence)) {
            return;
        }
        bits[word(sequence)] |= mask(sequence);
    }

    /** Forgets everything, for a new session. */
    public void reset() {
        Arrays.fill(bits, 0);
        highest = 0;
        empty = true;
    }

    private boolean isSet(long sequence) {
        return (bits[word(sequence)] & mask(sequence)) != 0;
    }

    private static int word(long sequence) {
        return (int) (sequence & (SIZE - 1)) >>> 6;
    }

    private static long mask(long sequence) {
        return 1L << (sequence & 63);
    }
}

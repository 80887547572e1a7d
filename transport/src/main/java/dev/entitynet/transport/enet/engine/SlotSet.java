package dev.entitynet.transport.enet.engine;

/**
 * A set of slot numbers (0..capacity-1) as a bit set: membership in O(1), the lowest member in
 * O(capacity / 64), and members in ascending order by {@link #word}, so passes over "the slots
 * that have something to do" visit them in slot order, as a scan of every slot would.
 */
final class SlotSet {
    private final long[] words;

    SlotSet(int capacity) {
        words = new long[(capacity + 63) >>> 6];
    }

    void add(int slot) {
        words[slot >>> 6] |= 1L << slot;
    }

    void remove(int slot) {
        words[slot >>> 6] &= ~(1L << slot);
    }

    boolean contains(int slot) {
        return (words[slot >>> 6] & 1L << slot) != 0;
    }

    boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The lowest member, or -1. */
    int first() {
        for (int i = 0; i < words.length; i++) {
            if (words[i] != 0) {
                return i << 6 | Long.numberOfTrailingZeros(words[i]);
            }
        }
        return -1;
    }

    /** How many 64-slot words there are; word {@code i} holds slots {@code 64 i} to {@code 64 i + 63}. */
    int words() {
        return words.length;
    }

    /** The members among slots {@code 64 i .. 64 i + 63}, slot {@code 64 i + b} as bit {@code b}. */
    long word(int i) {
        return words[i];
    }
}

package dev.entitynet.replication.sync;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;

/**
 * Per-sender window over the u32 sequence of unreliable SYNC packets that drops duplicates: a
 * sequence seen among the last 64 is refused. Packets further behind are let through, because
 * staleness is decided per record by the sender tick, and because refusing them would let one
 * packet with a far-ahead sequence silence the stream (the kind of stall Godot #83112 reports).
 */
final class SequenceWindow {
    private final Int2IntOpenHashMap newest = new Int2IntOpenHashMap();
    private final Int2LongOpenHashMap seen = new Int2LongOpenHashMap();

    /** Whether {@code sequence} from {@code sender} is new; records it when so. */
    boolean accept(int sender, int sequence) {
        if (!newest.containsKey(sender)) {
            newest.put(sender, sequence);
            seen.put(sender, 1L);
            return true;
        }
        int top = newest.get(sender);
        int ahead = sequence - top;
        long bits = seen.get(sender);
        if (ahead > 0) {
            newest.put(sender, sequence);
            seen.put(sender, ahead >= 64 ? 1L : bits << ahead | 1L);
            return true;
        }
        int behind = -ahead;
        if (behind >= 64) {
            return true;
        }
        if ((bits & 1L << behind) != 0) {
            return false;
        }
        seen.put(sender, bits | 1L << behind);
        return true;
    }

    void forget(int sender) {
        newest.remove(sender);
        seen.remove(sender);
    }

    void clear() {
        newest.clear();
        seen.clear();
    }
}

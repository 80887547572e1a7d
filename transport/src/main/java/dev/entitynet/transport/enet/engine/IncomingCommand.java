package dev.entitynet.transport.enet.engine;

import net.openhft.chronicle.bytes.Bytes;

/**
 * A received data command waiting for its turn (out of order, or a fragment group being
 * reassembled) or waiting in the event queue. Its payload is pooled off-heap memory.
 */
final class IncomingCommand extends ListNode {
    /** Buffers above this size are freed on release instead of kept in the pool. */
    static final int POOLED_CAPACITY = 64 * 1024;

    Bytes<?> data = Bytes.allocateElasticDirect(256);
    int number;
    int channel;
    int flags;
    int reliableSequence;
    int unreliableSequence;
    int length;
    int fragmentCount;
    /** The fragment length L every fragment but the last has (the last holds 1..L bytes). */
    int fragmentStride;
    int fragmentsRemaining;
    long[] fragmentBits = new long[1];
    /** The {@link ReceiveBudget} stage its charge is counted in; 0 while pooled. */
    int stage;

    void prepare(int commandNumber, int channelId, int packetFlags, int reliableSeq, int unreliableSeq, int packetLength) {
        number = commandNumber;
        channel = channelId;
        flags = packetFlags;
        reliableSequence = reliableSeq;
        unreliableSequence = unreliableSeq;
        length = packetLength;
        fragmentCount = 0;
        fragmentStride = 0;
        fragmentsRemaining = 0;
        if (data.realCapacity() < packetLength) {
            // sized once for the whole packet, rather than grown (and logged) step by step
            data.releaseLast();
            data = Bytes.allocateElasticDirect(packetLength);
        }
        data.clear();
    }

    /**
     * Sets up reassembly of {@code count} fragments of {@code stride} bytes. The buffer is zeroed
     * first: a pooled buffer holds an earlier packet (maybe another peer's), and no path may ever
     * hand those bytes to the application, even one that the tiling rules are meant to rule out.
     */
    void expectFragments(int count, int stride) {
        data.zeroOut(0, length);
        fragmentCount = count;
        fragmentStride = stride;
        fragmentsRemaining = count;
        int words = (count + 63) >>> 6;
        if (fragmentBits.length < words) {
            fragmentBits = new long[words];
        } else {
            java.util.Arrays.fill(fragmentBits, 0, words, 0L);
        }
    }

    /** Marks fragment {@code n}; false when it had arrived before. */
    boolean markFragment(int n) {
        long bit = 1L << (n & 63);
        int word = n >>> 6;
        if ((fragmentBits[word] & bit) != 0) {
            return false;
        }
        fragmentBits[word] |= bit;
        fragmentsRemaining--;
        return true;
    }

    boolean complete() {
        return fragmentsRemaining <= 0;
    }

    /** Makes the readable range of {@link #data} the packet. */
    Bytes<?> payload() {
        data.readPosition(0);
        data.writePosition(length);
        return data;
    }
}

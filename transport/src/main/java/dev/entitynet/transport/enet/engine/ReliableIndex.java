package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.EnetEngineStats;

/**
 * The host's queued reliable commands by (peer slot, channel, sequence number): one open-addressing
 * table for all peers (linear probing, deletion by backward shift, so no tombstones pile up), so
 * placing, finding a duplicate and dispatching cost O(1) whatever a peer has queued. Keys are mixed
 * with a per-host seed, so a remote cannot choose sequence numbers that collide. The table grows
 * when half full (rare; every entry is charged at least {@link ReceiveBudget#MIN_CHARGE} bytes, so
 * the budget bounds it) and {@link #trim} gives the memory back when peers leave. Every slot
 * inspected is counted in {@link EnetEngineStats#orderingSteps()}.
 */
final class ReliableIndex {
    private static final int MIN_CAPACITY = 1024;

    private final long seed;
    private final EnetEngineStats stats;
    private long[] keys = new long[MIN_CAPACITY];
    private IncomingCommand[] commands = new IncomingCommand[MIN_CAPACITY];
    private int mask = MIN_CAPACITY - 1;
    private int size;

    ReliableIndex(long seed, EnetEngineStats stats) {
        this.seed = seed;
        this.stats = stats;
    }

    /** The command queued under this key, or null. */
    IncomingCommand get(int peer, int channel, int sequence) {
        int i = find(key(peer, channel, sequence));
        return i < 0 ? null : commands[i];
    }

    /** Queues {@code command} under a key that has none. */
    void put(int peer, int channel, int sequence, IncomingCommand command) {
        if ((size + 1) * 2 > commands.length) {
            rehash(commands.length * 2);
        }
        long key = key(peer, channel, sequence);
        int i = slot(key);
        while (commands[i] != null) {
            stats.countOrderingSteps(1);
            i = (i + 1) & mask;
        }
        stats.countOrderingSteps(1);
        keys[i] = key;
        commands[i] = command;
        size++;
    }

    /** Removes the command queued under this key, if any. */
    void remove(int peer, int channel, int sequence) {
        int gap = find(key(peer, channel, sequence));
        if (gap < 0) {
            return;
        }
        // shift back every later entry of the run whose home slot does not lie after the gap
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            stats.countOrderingSteps(1);
            if (commands[i] == null) {
                break;
            }
            int home = slot(keys[i]);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                commands[gap] = commands[i];
                gap = i;
            }
        }
        commands[gap] = null;
        size--;
    }

    int size() {
        return size;
    }

    int capacity() {
        return commands.length;
    }

    /** Shrinks a table that is mostly empty (after peers left), so memory an attack made it take comes back. */
    void trim() {
        int capacity = commands.length;
        // halve while the smaller table would be at most a quarter full
        while (capacity > MIN_CAPACITY && size * 4 <= capacity / 2) {
            capacity /= 2;
        }
        if (capacity < commands.length) {
            rehash(capacity);
        }
    }

    private int find(long key) {
        int i = slot(key);
        while (true) {
            stats.countOrderingSteps(1);
            if (commands[i] == null) {
                return -1;
            }
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private static long key(int peer, int channel, int sequence) {
        return (long) peer << 24 | (long) channel << 16 | sequence;
    }

    private int slot(long key) {
        return (int) SeededMix.mix(key ^ seed) & mask;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        IncomingCommand[] oldCommands = commands;
        keys = new long[capacity];
        commands = new IncomingCommand[capacity];
        mask = capacity - 1;
        for (int j = 0; j < oldCommands.length; j++) {
            if (oldCommands[j] != null) {
                int i = slot(oldKeys[j]);
                while (commands[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                commands[i] = oldCommands[j];
            }
        }
    }
}

package dev.entitynet.examples.enetattack.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reliable commands an honest peer sent and the server has not acknowledged yet, for
 * retransmission: first after 200 ms, then doubling up to 2 s, as an ENet sender backs off on a
 * quiet link (a simplification of ENet's RTT-based timer that suits loopback).
 */
final class Outbox {
    static final long FIRST_TIMEOUT_MILLIS = 200;
    static final long MAX_TIMEOUT_MILLIS = 2000;

    private final Map<Integer, Entry> pending = new HashMap<>();

    /** Remembers the bytes of a command sent at {@code now}. */
    void sent(int channel, int sequence, byte[] command, long now) {
        pending.put(key(channel, sequence), new Entry(command, now + FIRST_TIMEOUT_MILLIS, FIRST_TIMEOUT_MILLIS));
    }

    /** Forgets an acknowledged command. */
    void acknowledged(int channel, int sequence) {
        pending.remove(key(channel, sequence));
    }

    /** The commands due for retransmission at {@code now}; their timers are doubled. */
    List<byte[]> due(long now) {
        List<byte[]> due = null;
        for (Entry e : pending.values()) {
            if (now >= e.deadline) {
                e.timeout = Math.min(MAX_TIMEOUT_MILLIS, e.timeout * 2);
                e.deadline = now + e.timeout;
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(e.command);
            }
        }
        return due == null ? List.of() : due;
    }

    /** Commands still unacknowledged. */
    int size() {
        return pending.size();
    }

    private static int key(int channel, int sequence) {
        return channel << 16 | sequence;
    }

    private static final class Entry {
        final byte[] command;
        long deadline;
        long timeout;

        Entry(byte[] command, long deadline, long timeout) {
            this.command = command;
            this.deadline = deadline;
            this.timeout = timeout;
        }
    }
}

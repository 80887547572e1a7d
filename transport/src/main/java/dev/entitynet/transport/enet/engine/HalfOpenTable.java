package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;

/**
 * Server-side handshakes whose client has not yet proved it receives at its address: a fixed
 * table of small records (the CONNECT command, the nonce, a byte credit), preallocated so a flood
 * of CONNECTs allocates nothing and holds no peer slot. Records are found by wire peer id (the
 * table index is stored in {@link Host}'s wire table) or by scanning, and the oldest is evicted
 * when the table is full.
 */
final class HalfOpenTable {
    /** A record older than this is treated as free (the client gave up long before). */
    static final long LIFETIME_MILLIS = 10_000;
    static final int CONNECT_SIZE = 48;

    final int capacity;
    final boolean[] used;
    final long[] endpoint;
    final int[] connectId;
    final int[] wireId;
    /** The VERIFY_CONNECT's reliable sequence number (high 16 bits) and header sent time (low 16 bits). */
    final int[] nonce;
    /** Session ids written into VERIFY_CONNECT: what the client will send in its headers, and what we send. */
    final int[] sessionFromClient;
    final int[] sessionToClient;
    final long[] createdAt;
    /** When the last VERIFY_CONNECT left, for the first round-trip sample. */
    final long[] verifySentAt;
    /** Bytes received from the address for this handshake minus bytes sent to it: replies never exceed it. */
    final int[] credit;
    final int[] badEchoes;
    /** Each record's CONNECT command, 48 bytes, as received. */
    final byte[] connect;
    private int count;

    HalfOpenTable(int capacity) {
        this.capacity = capacity;
        used = new boolean[capacity];
        endpoint = new long[capacity];
        connectId = new int[capacity];
        wireId = new int[capacity];
        nonce = new int[capacity];
        sessionFromClient = new int[capacity];
        sessionToClient = new int[capacity];
        createdAt = new long[capacity];
        verifySentAt = new long[capacity];
        credit = new int[capacity];
        badEchoes = new int[capacity];
        connect = new byte[capacity * CONNECT_SIZE];
    }

    /** Records in use and not yet lapsed. */
    int live(long now) {
        if (count == 0) {
            return 0;
        }
        int n = 0;
        for (int r = 0; r < capacity; r++) {
            n += isLive(r, now) ? 1 : 0;
        }
        return n;
    }

    boolean isLive(int record, long now) {
        return used[record] && now - createdAt[record] < LIFETIME_MILLIS;
    }

    void occupy(int record) {
        used[record] = true;
        count++;
    }

    void free(int record) {
        if (used[record]) {
            used[record] = false;
            count--;
        }
    }

    /** Where the record's copy of the CONNECT command starts in {@link #connect}. */
    static int connectAt(int record) {
        return record * CONNECT_SIZE;
    }

    static int verifySequence(int nonce) {
        return nonce >>> 16;
    }

    static int verifySentTime(int nonce) {
        return nonce & 0xFFFF;
    }

    /** Whether an ACK of (channel, sequence, echoed sent time) echoes this nonce. */
    static boolean echoes(int nonce, int channel, int sequence, int sentTime) {
        return channel == Protocol.SYSTEM_CHANNEL && sequence == verifySequence(nonce) && sentTime == verifySentTime(nonce);
    }
}

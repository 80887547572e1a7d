package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;

/**
 * Server-side handshakes whose client has not yet proved it receives at its address: a fixed
 * table of small records (the CONNECT command, the nonce, a byte credit), preallocated so a flood
 * of CONNECTs allocates nothing and holds no peer slot. Records are found by wire peer id (the
 * table index is stored in {@link Host}'s wire table) or by their connection (endpoint and connect
 * id, through a {@link ConnectionIndex}); they are kept in the order they were opened, so the
 * oldest (the one evicted when the table is full, and the first to lapse) is at hand, and records
 * per IP address are counted. Every operation is O(1) (lapsed records are released oldest first).
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
    /** Records in use from oldest to newest: a doubly linked list through these, -1 at the ends. */
    private final int[] newer;
    private final int[] older;
    private int oldest = -1;
    private int newest = -1;
    /** Free records, a stack. */
    private final int[] free;
    private int freeCount;
    private final ConnectionIndex byConnection;
    private final AddressCounts perAddress;

    HalfOpenTable(int capacity, long seed) {
        this.capacity = capacity;
        newer = new int[capacity];
        older = new int[capacity];
        free = new int[capacity];
        for (int r = capacity - 1; r >= 0; r--) {
            free[freeCount++] = r;
        }
        byConnection = new ConnectionIndex(capacity, seed);
        perAddress = new AddressCounts(capacity);
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

    /** Records in use and not yet lapsed (the lapsed ones are the oldest). */
    int live(long now) {
        int n = count;
        for (int r = oldest; r >= 0 && !isLive(r, now); r = newer[r]) {
            n--;
        }
        return n;
    }

    boolean isLive(int record, long now) {
        return used[record] && now - createdAt[record] < LIFETIME_MILLIS;
    }

    /** Whether every record is in use. */
    boolean isFull() {
        return freeCount == 0;
    }

    /** The oldest record in use, lapsed or not, or -1. */
    int oldest() {
        return oldest;
    }

    /** A record of this connection, or -1. */
    int find(long endpoint, int connectId) {
        return byConnection.find(endpoint, connectId);
    }

    /** Records in use for the IPv4 address {@code address}. */
    int fromAddress(long address) {
        return perAddress.get(address);
    }

    /** Takes a free record for this connection, opened at {@code now}, as the newest; -1 when none is free. */
    int occupy(long endpoint, int connectId, long now) {
        if (freeCount == 0) {
            return -1;
        }
        int r = free[--freeCount];
        used[r] = true;
        count++;
        this.endpoint[r] = endpoint;
        this.connectId[r] = connectId;
        createdAt[r] = now;
        older[r] = newest;
        newer[r] = -1;
        if (newest >= 0) {
            newer[newest] = r;
        } else {
            oldest = r;
        }
        newest = r;
        byConnection.add(endpoint, connectId, r);
        perAddress.increment(Host.addressOf(endpoint));
        return r;
    }

    void free(int record) {
        if (!used[record]) {
            return;
        }
        used[record] = false;
        count--;
        int before = older[record];
        int after = newer[record];
        if (before >= 0) {
            newer[before] = after;
        } else {
            oldest = after;
        }
        if (after >= 0) {
            older[after] = before;
        } else {
            newest = before;
        }
        byConnection.remove(endpoint[record], connectId[record], record);
        perAddress.decrement(Host.addressOf(endpoint[record]));
        free[freeCount++] = record;
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

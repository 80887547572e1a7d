package dev.entitynet.replication.baseline;

import java.util.Arrays;

/**
 * One snapshot as its receiver holds it after decoding: the quantized state of every entity it
 * covers, sorted by net id. Sender and receiver keep the same frames, so either can code against
 * them. Arrays grow to the largest view and are then reused: a frame is recycled, never freed.
 */
final class Frame {
    /** Full sequence number, or -1 while the frame holds nothing valid. */
    int seq = -1;
    /** Sender tick the snapshot was taken at. */
    long tick;
    /** Whether the receiver acknowledged it (sender side). */
    boolean acked;
    int count;
    int[] netIds = new int[64];
    int[] schemas = new int[64];
    int[] codeAt = new int[65];
    int[] codes = new int[256];

    /** Empties the frame for {@code seq} taken at {@code tick}. */
    void reset(int seq, long tick) {
        this.seq = seq;
        this.tick = tick;
        this.acked = false;
        this.count = 0;
        codeAt[0] = 0;
    }

    /** Marks the frame as holding nothing (a decode that failed half way). */
    void invalidate() {
        seq = -1;
        count = 0;
        codeAt[0] = 0;
    }

    /** Appends an entry ({@code netId} above the last one) and returns the offset of its {@code lanes} codes. */
    int append(int netId, int schema, int lanes) {
        if (count == netIds.length) {
            int n = count * 2;
            netIds = Arrays.copyOf(netIds, n);
            schemas = Arrays.copyOf(schemas, n);
            codeAt = Arrays.copyOf(codeAt, n + 1);
        }
        int at = codeAt[count];
        if (at + lanes > codes.length) {
            codes = Arrays.copyOf(codes, Math.max(codes.length * 2, at + lanes));
        }
        netIds[count] = netId;
        schemas[count] = schema;
        codeAt[++count] = at + lanes;
        return at;
    }

    /** Appends a copy of entry {@code i} of {@code from}. */
    void appendCopy(Frame from, int i) {
        int lanes = from.codeAt[i + 1] - from.codeAt[i];
        int at = append(from.netIds[i], from.schemas[i], lanes);
        System.arraycopy(from.codes, from.codeAt[i], codes, at, lanes);
    }

    /** The entry of {@code netId}, or a negative value. */
    int find(int netId) {
        return Arrays.binarySearch(netIds, 0, count, netId);
    }

    /** Whether the codes of entry {@code i} equal {@code lanes} codes of {@code other} at {@code offset}. */
    boolean sameCodes(int i, int[] other, int offset, int lanes) {
        int at = codeAt[i];
        return codeAt[i + 1] - at == lanes && Arrays.equals(codes, at, at + lanes, other, offset, offset + lanes);
    }
}

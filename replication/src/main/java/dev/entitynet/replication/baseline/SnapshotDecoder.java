package dev.entitynet.replication.baseline;

import dev.entitynet.replication.bits.BitReader;
import java.util.Arrays;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Reads one snapshot (see {@link SnapshotWire}) into a spare frame of its stream and, only when
 * every field checked out, swaps it into the stream's ring: a malformed, stale or unresolvable
 * packet changes nothing. The entries the packet carried are listed in {@link #explicit} for the
 * caller to apply.
 */
final class SnapshotDecoder {
    /** Decoded and stored. */
    static final int OK = 0;
    /** Truncated, inconsistent or out-of-range content. */
    static final int MALFORMED = 1;
    /** A duplicate, or older than the frames kept. */
    static final int STALE = 2;
    /** Coded against a snapshot this side does not hold. */
    static final int NO_BASELINE = 3;
    /** A fresh entry of a config this side does not know (yet). */
    static final int UNKNOWN_SCHEMA = 4;
    /** Most schemas a packet's table may list. */
    private static final int MAX_TABLE = 64;

    private final SnapshotWire wire = new SnapshotWire();
    private final BitReader reader = new BitReader();
    private boolean[] removed = new boolean[64];
    private final int[] table = new int[MAX_TABLE];
    /** Frame indices of the entries the last decoded packet carried. */
    int[] explicit = new int[64];
    int explicitCount;
    /** The frame the last {@link #OK} decode stored. */
    Frame decoded;
    /** Sequence of the baseline the last {@link #OK} decode used, or -1. */
    int baselineSeq;

    /** Decodes {@code length} bytes at {@code offset} (after the command byte) from {@code in}'s sender. */
    int decode(IncomingStream in, SchemaRegistry schemas, BytesStore<?, ?> packet, long offset, long length) {
        reader.wrap(packet, offset, length);
        if (!wire.readHeader(reader)) {
            return MALFORMED;
        }
        int seq = in.sequenceOf(wire.sequence16);
        if (seq < 0) {
            return MALFORMED;
        }
        if (in.received.find(seq) != null) {
            return STALE;
        }
        if (in.started() && seq <= in.newest - FrameRing.SIZE) {
            in.tooOld();
            return STALE;
        }
        Frame b1 = wire.baselineBack == 0 ? null : in.received.find(seq - wire.baselineBack);
        Frame b2 = wire.predictorBack == 0 ? null : in.received.find(seq - wire.predictorBack);
        if (wire.baselineBack != 0 && b1 == null || wire.predictorBack != 0 && b2 == null) {
            return NO_BASELINE;
        }
        long tick = in.tickOf(wire.tick32);
        Frame frame = in.spare;
        frame.reset(seq, tick);
        int result = decodeBody(schemas, b1, b2, tick, frame);
        if (result != OK) {
            frame.invalidate();
            return result;
        }
        in.spare = in.received.install(frame);
        in.spare.invalidate();
        decoded = frame;
        baselineSeq = b1 == null ? -1 : b1.seq;
        return OK;
    }

    private int decodeBody(SchemaRegistry schemas, Frame b1, Frame b2, long tick, Frame frame) {
        int n1 = b1 == null ? 0 : b1.count;
        if (removed.length < n1) {
            removed = new boolean[Math.max(n1, removed.length * 2)];
        }
        Arrays.fill(removed, 0, n1, false);
        int removals = SnapshotWire.readCount(reader, n1);
        if (removals < 0) {
            return MALFORMED;
        }
        int previous = 0;
        for (int i = 0; i < removals; i++) {
            int id = wire.readId(reader, previous);
            int at = id < 0 ? -1 : b1.find(id);
            if (at < 0) {
                return MALFORMED;
            }
            removed[at] = true;
            previous = id;
        }
        int tableSize = SnapshotWire.readCount(reader, MAX_TABLE);
        if (tableSize < 0) {
            return MALFORMED;
        }
        for (int t = 0; t < tableSize; t++) {
            SnapshotSchema s = schemas.byFingerprint((int) reader.read(32));
            if (reader.overflowed()) {
                return MALFORMED;
            }
            if (s == null) {
                return UNKNOWN_SCHEMA;
            }
            table[t] = s.index;
        }
        int entries = SnapshotWire.readCount(reader, reader.bitsRemaining());
        if (entries < 0) {
            return MALFORMED;
        }
        int indexBits = SnapshotWire.indexBits(tableSize);
        explicitCount = 0;
        int i1 = 0;
        previous = 0;
        for (int e = 0; e < entries; e++) {
            int id = wire.readId(reader, previous);
            if (id < 0) {
                return MALFORMED;
            }
            while (i1 < n1 && b1.netIds[i1] < id) {
                copyUnlessRemoved(b1, i1++, frame);
            }
            SnapshotSchema s;
            int at;
            if (i1 < n1 && b1.netIds[i1] == id && !removed[i1]) {
                s = schemas.get(b1.schemas[i1]);
                int j2 = b2 == null ? -1 : b2.find(id);
                if (j2 >= 0 && b2.schemas[j2] != s.index) {
                    j2 = -1;
                }
                at = frame.append(id, s.index, s.lanes);
                if (!wire.readDelta(reader, s, frame.codes, at, b1, i1, b2, j2, tick)) {
                    return MALFORMED;
                }
                i1++;
            } else {
                if (i1 < n1 && b1.netIds[i1] == id) {
                    i1++; // removed above and sent again fresh (its config changed)
                }
                int t = (int) reader.read(indexBits);
                if (reader.overflowed() || t >= tableSize) {
                    return MALFORMED;
                }
                s = schemas.get(table[t]);
                at = frame.append(id, s.index, s.lanes);
                if (!SnapshotWire.readFresh(reader, s, frame.codes, at)) {
                    return MALFORMED;
                }
            }
            if (!s.valid(frame.codes, at)) {
                return MALFORMED;
            }
            if (explicitCount == explicit.length) {
                explicit = Arrays.copyOf(explicit, explicitCount * 2);
            }
            explicit[explicitCount++] = frame.count - 1;
            previous = id;
        }
        while (i1 < n1) {
            copyUnlessRemoved(b1, i1++, frame);
        }
        return reader.overflowed() ? MALFORMED : OK;
    }

    private void copyUnlessRemoved(Frame b1, int i, Frame frame) {
        if (!removed[i]) {
            frame.appendCopy(b1, i);
        }
    }
}

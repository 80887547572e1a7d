package dev.entitynet.replication.baseline;

import dev.entitynet.replication.bits.BitReader;
import dev.entitynet.replication.bits.BitWriter;
import dev.entitynet.replication.bits.ExpGolomb;
import dev.entitynet.replication.bits.LaneMath;
import dev.entitynet.replication.bits.ZigZag;

/**
 * The SNAPSHOT packet ({@code SYNC} with {@code FLAG_SNAPSHOT}, unreliable), written and read in
 * this one place. After the command byte, a bit stream (least significant bit first):
 *
 * <pre>
 * u16  sequence (low 16 bits)
 * u5   baseline: distance back to the acknowledged snapshot the entries are coded against, 0 = none
 * u5   predictor: distance back to an older acknowledged snapshot, 0 = none (prediction off)
 * u32  sender tick (low 32 bits)
 * u5   gap order k (exp-Golomb order of net id gaps)
 * u5   lane count L, then L x u5: exp-Golomb order of each lane position's residuals
 * eg0  removals, then eg(k) gaps: baseline entries the receiver drops
 * eg0  schemas, then u32 fingerprints: the configs of fresh entries
 * eg0  entries, then per entry (net ids ascending, gap = id - previous id - 1, first previous 0):
 *      eg(k) gap
 *      in the baseline:  one bit per property when the schema has several (changed?), then for
 *                        each changed property, each lane: eg(order of lane) of the zig-zagged
 *                        residual of code - prediction, modulo 2^bits of the lane
 *      fresh:            schema index (ceil(log2(schemas)) bits), each lane's code in its bits
 * </pre>
 *
 * The receiver's new frame is the baseline minus the removals plus the entries; entities the
 * baseline holds and the packet does not mention keep their baseline codes. A lane that moves
 * linearly is predicted by extrapolating its codes in the baseline and the predictor snapshot to
 * this snapshot's tick (integer arithmetic, so both sides compute the same); other lanes are
 * predicted as their baseline code.
 */
final class SnapshotWire {
    static final int SEQUENCE_BITS = 16;
    static final int DISTANCE_BITS = 5;
    static final int ORDER_BITS = 5;
    static final int MAX_ORDER = (1 << ORDER_BITS) - 1;
    /** Bits of the fixed header fields, with no lane orders. */
    static final int FIXED_HEADER_BITS = SEQUENCE_BITS + 2 * DISTANCE_BITS + 32 + 2 * ORDER_BITS;
    /** Largest net id (NetIdentity's range). */
    static final long MAX_NET_ID = (1L << 30) - 1;

    int sequence16;
    int baselineBack;
    int predictorBack;
    int tick32;
    int gapOrder;
    int laneOrderCount;
    final int[] laneOrders = new int[SnapshotSchema.MAX_LANES];

    /** Bits of the header as it is set now. */
    int headerBits() {
        return FIXED_HEADER_BITS + laneOrderCount * ORDER_BITS;
    }

    void writeHeader(BitWriter w) {
        w.write(sequence16, SEQUENCE_BITS);
        w.write(baselineBack, DISTANCE_BITS);
        w.write(predictorBack, DISTANCE_BITS);
        w.write(tick32 & 0xFFFFFFFFL, 32);
        w.write(gapOrder, ORDER_BITS);
        w.write(laneOrderCount, ORDER_BITS);
        for (int l = 0; l < laneOrderCount; l++) {
            w.write(laneOrders[l], ORDER_BITS);
        }
    }

    /** Reads the header; false when the packet is too short or the distances are inconsistent. */
    boolean readHeader(BitReader r) {
        sequence16 = (int) r.read(SEQUENCE_BITS);
        baselineBack = (int) r.read(DISTANCE_BITS);
        predictorBack = (int) r.read(DISTANCE_BITS);
        tick32 = (int) r.read(32);
        gapOrder = (int) r.read(ORDER_BITS);
        laneOrderCount = (int) r.read(ORDER_BITS);
        for (int l = 0; l < laneOrderCount; l++) {
            laneOrders[l] = (int) r.read(ORDER_BITS);
        }
        boolean distances = predictorBack == 0 || baselineBack != 0 && predictorBack > baselineBack;
        return !r.overflowed() && distances;
    }

    /** Writes a count (removals, schemas, entries). */
    static void writeCount(BitWriter w, int count) {
        w.writeExpGolomb(count, 0);
    }

    /** Reads a count; -1 when it is malformed or larger than {@code max}. */
    static int readCount(BitReader r, long max) {
        long n = r.readExpGolomb(0);
        return r.overflowed() || n > max ? -1 : (int) n;
    }

    void writeGap(BitWriter w, int id, int previous) {
        w.writeExpGolomb(id - previous - 1L, gapOrder);
    }

    /** The id after {@code previous} read from a gap, or -1 when malformed or out of range. */
    int readId(BitReader r, int previous) {
        long gap = r.readExpGolomb(gapOrder);
        long id = previous + 1L + gap;
        return r.overflowed() || id > MAX_NET_ID ? -1 : (int) id;
    }

    /** Bits {@link #writeGap} takes. */
    static int gapCost(int id, int previous, int order) {
        return ExpGolomb.cost(id - previous - 1L, order);
    }

    /** The code {@code lane} of an entity is predicted to have at {@code tick}. */
    static int predict(SnapshotSchema s, int lane, Frame b1, int i1, Frame b2, int i2, long tick) {
        int base = b1.codes[b1.codeAt[i1] + lane];
        if (i2 < 0 || !s.predicted[lane] || b1.tick <= b2.tick) {
            return base;
        }
        long older = b2.codes[b2.codeAt[i2] + lane];
        long span = b1.tick - b2.tick;
        long predicted = base + Math.floorDiv((base - older) * (tick - b1.tick), span);
        int bits = s.laneBits[lane];
        return (int) (predicted & ((1L << bits) - 1));
    }

    /** The zig-zagged residual of {@code code} against its prediction, what the entry carries for the lane. */
    static long residual(SnapshotSchema s, int lane, int code, Frame b1, int i1, Frame b2, int i2, long tick) {
        int bits = s.laneBits[lane];
        return ZigZag.encode(LaneMath.wrapResidual(code, predict(s, lane, b1, i1, b2, i2, tick), bits));
    }

    /** Whether property {@code p}'s codes at {@code at} differ from baseline entry {@code i1}. */
    static boolean changed(SnapshotSchema s, int p, int[] codes, int at, Frame b1, int i1) {
        int base = b1.codeAt[i1];
        for (int l = s.laneAt[p]; l < s.laneAt[p + 1]; l++) {
            if (codes[at + l] != b1.codes[base + l]) {
                return true;
            }
        }
        return false;
    }

    /** Writes an entry the baseline holds; {@code residuals} holds each lane's residual from {@code resAt}. */
    void writeDelta(BitWriter w, SnapshotSchema s, int[] codes, int at, Frame b1, int i1, long[] residuals, int resAt) {
        int props = s.propertyCount();
        for (int p = 0; p < props; p++) {
            boolean changed = changed(s, p, codes, at, b1, i1);
            if (props > 1) {
                w.writeBit(changed);
            }
            if (changed || props == 1) {
                for (int l = s.laneAt[p]; l < s.laneAt[p + 1]; l++) {
                    w.writeExpGolomb(residuals[resAt + l], laneOrders[l]);
                }
            }
        }
    }

    /** Bits {@link #writeDelta} takes. */
    int deltaCost(SnapshotSchema s, int[] codes, int at, Frame b1, int i1, long[] residuals, int resAt) {
        int props = s.propertyCount();
        int bits = props > 1 ? props : 0;
        for (int p = 0; p < props; p++) {
            if (props == 1 || changed(s, p, codes, at, b1, i1)) {
                for (int l = s.laneAt[p]; l < s.laneAt[p + 1]; l++) {
                    bits += ExpGolomb.cost(residuals[resAt + l], laneOrders[l]);
                }
            }
        }
        return bits;
    }

    /** Reads an entry the baseline holds into {@code out} from {@code at}; false when malformed. */
    boolean readDelta(BitReader r, SnapshotSchema s, int[] out, int at, Frame b1, int i1, Frame b2, int i2, long tick) {
        int props = s.propertyCount();
        int base = b1.codeAt[i1];
        for (int p = 0; p < props; p++) {
            boolean changed = props == 1 || r.readBit();
            for (int l = s.laneAt[p]; l < s.laneAt[p + 1]; l++) {
                if (!changed) {
                    out[at + l] = b1.codes[base + l];
                    continue;
                }
                if (l >= laneOrderCount) {
                    return false;
                }
                long z = r.readExpGolomb(laneOrders[l]);
                int bits = s.laneBits[l];
                if (r.overflowed() || z >>> bits != 0) {
                    return false;
                }
                out[at + l] = LaneMath.applyResidual(predict(s, l, b1, i1, b2, i2, tick), (int) ZigZag.decode(z), bits);
            }
        }
        return !r.overflowed();
    }

    /** Writes a fresh entry: its schema's index in the packet's table, then its codes. */
    static void writeFresh(BitWriter w, SnapshotSchema s, int[] codes, int at, int tableIndex, int indexBits) {
        w.write(tableIndex, indexBits);
        for (int l = 0; l < s.lanes; l++) {
            w.write(codes[at + l] & 0xFFFFFFFFL, s.laneBits[l]);
        }
    }

    /** Bits {@link #writeFresh} takes. */
    static int freshCost(SnapshotSchema s, int indexBits) {
        int bits = indexBits;
        for (int l = 0; l < s.lanes; l++) {
            bits += s.laneBits[l];
        }
        return bits;
    }

    /** Reads a fresh entry's codes (its schema already read); false when truncated. */
    static boolean readFresh(BitReader r, SnapshotSchema s, int[] out, int at) {
        for (int l = 0; l < s.lanes; l++) {
            out[at + l] = (int) r.read(s.laneBits[l]);
        }
        return !r.overflowed();
    }

    /** Bits of a schema index in a table of {@code schemas}. */
    static int indexBits(int schemas) {
        return schemas <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(schemas - 1);
    }
}

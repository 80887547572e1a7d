package dev.entitynet.replication.baseline;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.replication.bits.BitWriter;
import dev.entitynet.replication.bits.ExpGolomb;
import dev.entitynet.replication.bits.OrderChooser;
import dev.entitynet.replication.visibility.Audience;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Writes one peer's snapshot for a tick (see {@link SnapshotWire} for the layout): merges the
 * entities the peer sees with its newest acknowledged snapshot, keeps those whose codes did not
 * change, and sends the rest within the byte budget, highest accumulated priority first, whole
 * entities only. The frame it leaves in the stream is exactly what the peer will hold after
 * decoding. Scratch arrays are shared by all peers and grow to the largest view, then stay.
 */
final class SnapshotEncoder {
    /** Plan step: the entity is unchanged since the baseline. */
    private static final byte KEEP = 0;
    /** Plan step: a baseline entity the peer no longer gets (out of view, gone). */
    private static final byte REMOVE = 1;
    /** Plan step: a baseline entity whose schema changed: dropped whatever the budget, then sent fresh. */
    private static final byte REPLACE = 2;
    /** Plan step: a changed or fresh entity, sent if it fits. */
    private static final byte CANDIDATE = 3;

    private final SnapshotWire wire = new SnapshotWire();
    private final BitWriter writer = new BitWriter();
    private int planCount;
    private byte[] kind = new byte[64];
    private int[] row = new int[64];
    private int[] inBaseline = new int[64];
    private int[] inPredictor = new int[64];
    private boolean[] selected = new boolean[64];
    private int[] resAt = new int[64];
    private long[] residuals = new long[256];
    private int[] cost = new int[64];
    private float[] priority = new float[64];
    private int candidateCount;
    private int[] candidates = new int[64];
    private final OrderChooser[] laneOrders = new OrderChooser[SnapshotSchema.MAX_LANES];
    private final OrderChooser gapOrder = new OrderChooser();
    private int[] tablePosition = new int[8];
    private int[] table = new int[8];
    private final IntComparator byPriority = (a, b) -> Float.compare(priority[b], priority[a]);

    SnapshotEncoder() {
        for (int l = 0; l < laneOrders.length; l++) {
            laneOrders[l] = new OrderChooser();
        }
    }

    /** Entities written by the last {@link #encode}. */
    int entriesWritten;

    /**
     * Encodes {@code out}'s next snapshot into {@code packet} (command byte included).
     *
     * @param slot the peer's slot for {@code audience}
     * @param budgetBytes the peer's bytes per tick; at most {@code maxPacketBytes} are written anyway
     * @return false when there is nothing to send (no change, nothing to drop): no packet, no sequence used
     */
    boolean encode(SnapshotSource src, SchemaRegistry schemas, OutgoingStream out, int slot, Audience audience,
                   SnapshotPriority weights, long tick, int budgetBytes, int maxPacketBytes, Bytes<?> packet) {
        int seq = out.nextSequence;
        Frame b1 = out.baselineFor(seq);
        Frame b2 = out.predictorFor(seq, b1);
        plan(src, slot, audience, b1, b2);
        if (candidateCount == 0 && !anyRemoval()) {
            return false;
        }
        long budgetBits = 8L * (Math.min(budgetBytes, maxPacketBytes - 1));
        chooseLaneOrders(src, b1, b2, tick);
        chooseGapOrder(src, b1);
        long fixed = wire.headerBits() + removalBits(b1, budgetBits / 2);
        selectAll();
        long total = fixed + tableBits(src, schemas) + entryBits(src, b1);
        if (total > budgetBits) {
            selectByPriority(src, out, weights, fixed, budgetBits, b1, schemas);
        }
        settleDeferred(src, out);
        packet.clear();
        packet.ensureCapacity(maxPacketBytes);
        packet.writeByte((byte) (Command.SYNC | Command.FLAG_SNAPSHOT));
        writer.wrap(packet, 1, maxPacketBytes - 1L);
        write(src, schemas, b1, b2, seq, tick, out.sent.slot(seq));
        if (writer.overflowed()) {
            out.sent.slot(seq).invalidate();
            throw new IllegalStateException("snapshot " + seq + " for peer " + out.peerId + " overran " + maxPacketBytes
                    + " bytes although its entries were sized to fit: an encoder bug");
        }
        packet.writePosition(1 + writer.finish());
        out.nextSequence++;
        return true;
    }

    // ---------------------------------------------------------------- planning

    private void plan(SnapshotSource src, int slot, Audience audience, Frame b1, Frame b2) {
        planCount = 0;
        candidateCount = 0;
        int i1 = 0;
        int i2 = 0;
        int n1 = b1 == null ? 0 : b1.count;
        for (int r = 0; r < src.count; r++) {
            if (!src.present[r] || !audience.visibleToSlot(src.entities[r], slot)) {
                continue;
            }
            int id = src.netIds[r];
            while (i1 < n1 && b1.netIds[i1] < id) {
                step(REMOVE, -1, i1++, -1);
            }
            SnapshotSchema schema = src.schemas[r];
            int j1 = -1;
            if (i1 < n1 && b1.netIds[i1] == id) {
                if (b1.schemas[i1] != schema.index) {
                    step(REPLACE, -1, i1++, -1);
                } else if (b1.sameCodes(i1, src.codes, src.codeAt[r], schema.lanes)) {
                    step(KEEP, r, i1++, -1);
                    continue;
                } else {
                    j1 = i1++;
                }
            }
            int j2 = -1;
            if (j1 >= 0 && b2 != null) {
                while (i2 < b2.count && b2.netIds[i2] < id) {
                    i2++;
                }
                if (i2 < b2.count && b2.netIds[i2] == id && b2.schemas[i2] == schema.index) {
                    j2 = i2;
                }
            }
            candidates = grow(candidates, candidateCount);
            candidates[candidateCount++] = planCount;
            step(CANDIDATE, r, j1, j2);
        }
        while (i1 < n1) {
            step(REMOVE, -1, i1++, -1);
        }
    }

    private void step(byte k, int r, int j1, int j2) {
        if (planCount == kind.length) {
            int n = planCount * 2;
            kind = Arrays.copyOf(kind, n);
            row = Arrays.copyOf(row, n);
            inBaseline = Arrays.copyOf(inBaseline, n);
            inPredictor = Arrays.copyOf(inPredictor, n);
            selected = Arrays.copyOf(selected, n);
            resAt = Arrays.copyOf(resAt, n);
            cost = Arrays.copyOf(cost, n);
            priority = Arrays.copyOf(priority, n);
        }
        kind[planCount] = k;
        row[planCount] = r;
        inBaseline[planCount] = j1;
        inPredictor[planCount] = j2;
        selected[planCount] = k == REMOVE || k == REPLACE;
        planCount++;
    }

    private boolean anyRemoval() {
        for (int i = 0; i < planCount; i++) {
            if (kind[i] == REMOVE || kind[i] == REPLACE) {
                return true;
            }
        }
        return false;
    }

    /** Residuals of every changed entity, and the exp-Golomb order per lane position that codes them in the fewest bits. */
    private void chooseLaneOrders(SnapshotSource src, Frame b1, Frame b2, long tick) {
        int lanes = 0;
        int at = 0;
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            int j1 = inBaseline[p];
            if (j1 < 0) {
                continue;
            }
            int r = row[p];
            SnapshotSchema s = src.schemas[r];
            if (at + s.lanes > residuals.length) {
                residuals = Arrays.copyOf(residuals, Math.max(residuals.length * 2, at + s.lanes));
            }
            resAt[p] = at;
            for (int l = 0; l < s.lanes; l++) {
                if (l >= lanes) {
                    laneOrders[l].reset();
                    lanes = l + 1;
                }
                long z = SnapshotWire.residual(s, l, src.codes[src.codeAt[r] + l], b1, j1, b2, inPredictor[p], tick);
                residuals[at + l] = z;
                laneOrders[l].add(z);
            }
            at += s.lanes;
        }
        wire.laneOrderCount = lanes;
        for (int l = 0; l < lanes; l++) {
            wire.laneOrders[l] = laneOrders[l].bestK(SnapshotWire.MAX_ORDER);
        }
    }

    /** The exp-Golomb order that codes the gaps between the net ids the packet may name in the fewest bits. */
    private void chooseGapOrder(SnapshotSource src, Frame b1) {
        gapOrder.reset();
        int previousRemoval = 0;
        int previousEntry = 0;
        for (int i = 0; i < planCount; i++) {
            if (kind[i] == REMOVE || kind[i] == REPLACE) {
                int id = b1.netIds[inBaseline[i]];
                gapOrder.add(id - previousRemoval - 1L);
                previousRemoval = id;
            } else if (kind[i] == CANDIDATE) {
                int id = src.netIds[row[i]];
                gapOrder.add(id - previousEntry - 1L);
                previousEntry = id;
            }
        }
        wire.gapOrder = gapOrder.bestK(SnapshotWire.MAX_ORDER);
    }

    /**
     * Keeps removals within {@code maxBits}: the rest stay in the frame as they are in the
     * baseline until a later snapshot drops them.
     *
     * @return bits of the removal list, count included
     */
    private long removalBits(Frame b1, long maxBits) {
        long bits = 0;
        int count = 0;
        int previous = 0;
        for (int i = 0; i < planCount; i++) {
            if (kind[i] != REMOVE && kind[i] != REPLACE) {
                continue;
            }
            int id = b1.netIds[inBaseline[i]];
            int add = SnapshotWire.gapCost(id, previous, wire.gapOrder);
            if (kind[i] == REMOVE && bits + add > maxBits) {
                selected[i] = false;
                continue;
            }
            bits += add;
            count++;
            previous = id;
        }
        return bits + ExpGolomb.cost(count, 0);
    }

    private void selectAll() {
        for (int c = 0; c < candidateCount; c++) {
            selected[candidates[c]] = true;
        }
    }

    /** Bits of the fresh entries' schema table for the selected candidates (fills {@link #table}). */
    private long tableBits(SnapshotSource src, SchemaRegistry schemas) {
        int size = 0;
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            if (!selected[p] || inBaseline[p] >= 0) {
                continue;
            }
            int index = src.schemas[row[p]].index;
            if (index >= tablePosition.length) {
                tablePosition = Arrays.copyOf(tablePosition, index * 2 + 1);
            }
            boolean listed = false;
            for (int t = 0; t < size; t++) {
                listed |= table[t] == index;
            }
            if (!listed) {
                table = grow(table, size);
                tablePosition[index] = size;
                table[size++] = index;
            }
        }
        tableSize = size;
        return ExpGolomb.cost(size, 0) + 32L * size;
    }

    private int tableSize;

    /** Bits of the selected entries, gaps and count included; fills {@link #cost}. */
    private long entryBits(SnapshotSource src, Frame b1) {
        int indexBits = SnapshotWire.indexBits(tableSize);
        long bits = 0;
        int previous = 0;
        int count = 0;
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            int r = row[p];
            SnapshotSchema s = src.schemas[r];
            int body = inBaseline[p] >= 0
                    ? wire.deltaCost(s, src.codes, src.codeAt[r], b1, inBaseline[p], residuals, resAt[p])
                    : SnapshotWire.freshCost(s, indexBits);
            cost[p] = body;
            if (selected[p]) {
                bits += body + SnapshotWire.gapCost(src.netIds[r], previous, wire.gapOrder);
                previous = src.netIds[r];
                count++;
            }
        }
        return bits + ExpGolomb.cost(count, 0);
    }

    /**
     * Over budget: candidates go by accumulated priority (their weight this tick plus what they
     * accumulated while deferred), as many as fit; the rest wait, a tick's weight richer.
     */
    private void selectByPriority(SnapshotSource src, OutgoingStream out, SnapshotPriority weights, long fixed, long budgetBits,
                                  Frame b1, SchemaRegistry schemas) {
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            int r = row[p];
            float w = weights == null ? 1f : weights.weight(src.entities[r], out.peerId);
            priority[p] = out.deferred.get(src.netIds[r]) + Math.max(w, 1e-3f);
            selected[p] = false;
        }
        IntArrays.quickSort(candidates, 0, candidateCount, byPriority);
        long used = fixed + ExpGolomb.cost(candidateCount, 0) + 32L + ExpGolomb.cost(1, 0);
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            // a gap costs at most as much as from 0 to the id
            long need = cost[p] + SnapshotWire.gapCost(src.netIds[row[p]], 0, wire.gapOrder);
            if (used + need <= budgetBits) {
                selected[p] = true;
                used += need;
            }
        }
        IntArrays.quickSort(candidates, 0, candidateCount); // plan order is net id order
        while (fixed + tableBits(src, schemas) + entryBits(src, b1) > budgetBits && deselectLowest()) {
            // one fewer each round: rare, the estimate above is nearly exact
        }
    }

    private boolean deselectLowest() {
        int lowest = -1;
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            if (selected[p] && (lowest < 0 || priority[p] < priority[lowest])) {
                lowest = p;
            }
        }
        if (lowest < 0) {
            return false;
        }
        selected[lowest] = false;
        return true;
    }

    /** Sent candidates forget their priority; deferred ones keep it. */
    private void settleDeferred(SnapshotSource src, OutgoingStream out) {
        if (out.deferred.size() > 4 * planCount + 64) {
            out.deferred.clear(); // entities that left the view while deferred
        }
        for (int c = 0; c < candidateCount; c++) {
            int p = candidates[c];
            int id = src.netIds[row[p]];
            if (selected[p]) {
                if (!out.deferred.isEmpty()) {
                    out.deferred.remove(id);
                }
            } else {
                out.deferred.put(id, priority[p]);
            }
        }
    }

    // ---------------------------------------------------------------- writing

    private void write(SnapshotSource src, SchemaRegistry schemas, Frame b1, Frame b2, int seq, long tick, Frame frame) {
        wire.sequence16 = seq & 0xFFFF;
        wire.baselineBack = b1 == null ? 0 : seq - b1.seq;
        wire.predictorBack = b2 == null ? 0 : seq - b2.seq;
        wire.tick32 = (int) tick;
        wire.writeHeader(writer);
        int removals = 0;
        for (int i = 0; i < planCount; i++) {
            removals += (kind[i] == REMOVE || kind[i] == REPLACE) && selected[i] ? 1 : 0;
        }
        SnapshotWire.writeCount(writer, removals);
        int previous = 0;
        for (int i = 0; i < planCount; i++) {
            if ((kind[i] == REMOVE || kind[i] == REPLACE) && selected[i]) {
                int id = b1.netIds[inBaseline[i]];
                wire.writeGap(writer, id, previous);
                previous = id;
            }
        }
        SnapshotWire.writeCount(writer, tableSize);
        for (int t = 0; t < tableSize; t++) {
            writer.write(schemas.get(table[t]).fingerprint & 0xFFFFFFFFL, 32);
        }
        int entries = 0;
        for (int c = 0; c < candidateCount; c++) {
            entries += selected[candidates[c]] ? 1 : 0;
        }
        SnapshotWire.writeCount(writer, entries);
        int indexBits = SnapshotWire.indexBits(tableSize);
        frame.reset(seq, tick);
        previous = 0;
        for (int i = 0; i < planCount; i++) {
            int j1 = inBaseline[i];
            switch (kind[i]) {
                case KEEP -> frame.appendCopy(b1, j1);
                case REMOVE -> {
                    if (!selected[i]) {
                        frame.appendCopy(b1, j1);
                    }
                }
                case REPLACE -> { }
                default -> {
                    int r = row[i];
                    SnapshotSchema s = src.schemas[r];
                    if (selected[i]) {
                        int id = src.netIds[r];
                        wire.writeGap(writer, id, previous);
                        previous = id;
                        if (j1 >= 0) {
                            wire.writeDelta(writer, s, src.codes, src.codeAt[r], b1, j1, residuals, resAt[i]);
                        } else {
                            SnapshotWire.writeFresh(writer, s, src.codes, src.codeAt[r], tablePosition[s.index], indexBits);
                        }
                        int at = frame.append(id, s.index, s.lanes);
                        System.arraycopy(src.codes, src.codeAt[r], frame.codes, at, s.lanes);
                    } else if (j1 >= 0) {
                        frame.appendCopy(b1, j1);
                    }
                }
            }
        }
        entriesWritten = entries;
    }

    private static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }
}

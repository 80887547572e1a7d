package dev.entitynet.replication.packet;

import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;

/**
 * A tick's records regrouped by cell: one copy of the record stream in which the records of each
 * cell are contiguous (a counting sort by cell, O(records + bytes) once per tick, for all peers),
 * so a peer's packets are assembled by copying runs from the cells it keeps. Records of entities
 * in no cell form one more group, {@link #unplaced()}.
 */
final class CellRuns implements AutoCloseable {
    private final Bytes<Void> data = Bytes.allocateElasticDirect(1 << 16);
    /** Group of each cell (the last entry: entities in no cell), -1 when the cell has no record this tick. */
    private int[] groupOfCell = new int[0];
    private int[] groupCell = new int[64];
    private int[] groupFirst = new int[64];
    private int[] groupCount = new int[64];
    private long[] groupCursor = new long[64];
    private int groups;
    private int[] recordGroup = new int[0];
    private int[] entities = new int[0];
    private long[] starts = new long[0];
    private int count;
    private long size;
    private int unplacedGroup = -1;

    /** Makes room for {@code records} records without growing during a tick. */
    void reserveRecords(int records) {
        if (records > entities.length) {
            int capacity = Math.max(records, 2 * entities.length); // called per new synchronizer: never grow by one
            recordGroup = Arrays.copyOf(recordGroup, capacity);
            entities = Arrays.copyOf(entities, capacity);
            starts = Arrays.copyOf(starts, capacity);
            // a tick has at most one group per record: how many cells hold records wanders to new highs
            growGroups(capacity);
        }
    }

    private void growGroups(int size) {
        groupCell = Arrays.copyOf(groupCell, size);
        groupFirst = Arrays.copyOf(groupFirst, size);
        groupCount = Arrays.copyOf(groupCount, size);
        groupCursor = Arrays.copyOf(groupCursor, size);
    }

    /** Regroups {@code records} by the cells of {@code cells}. */
    void build(RecordStream records, CellIndex cells) {
        int cellCount = cells.cellCount();
        if (groupOfCell.length != cellCount + 1) {
            groupOfCell = new int[cellCount + 1];
            Arrays.fill(groupOfCell, -1);
        }
        for (int g = 0; g < groups; g++) {
            groupOfCell[groupCell[g]] = -1;
        }
        groups = 0;
        count = records.size();
        reserveRecords(count);
        for (int r = 0; r < count; r++) {
            int cell = cells.cellOf(records.entity(r));
            int g = group(cell < 0 ? cellCount : cell);
            recordGroup[r] = g;
            groupCount[g]++;
            groupCursor[g] += records.length(r);
        }
        unplacedGroup = groupOfCell[cellCount];
        int first = 0;
        long at = 0;
        for (int g = 0; g < groups; g++) {
            groupFirst[g] = first;
            first += groupCount[g];
            long bytes = groupCursor[g];
            groupCursor[g] = at;
            at += bytes;
            groupCount[g] = groupFirst[g]; // from here on: the next record index of the group
        }
        size = at;
        data.ensureCapacity(size);
        long from = records.data().addressForRead(0);
        long to = data.addressForWrite(0);
        for (int r = 0; r < count; r++) {
            int g = recordGroup[r];
            int i = groupCount[g]++;
            int length = records.length(r);
            entities[i] = records.entity(r);
            starts[i] = groupCursor[g];
            NativeCopy.copySmall(from + records.start(r), to + groupCursor[g], length);
            groupCursor[g] += length;
        }
        for (int g = 0; g < groups; g++) {
            groupCount[g] -= groupFirst[g];
        }
        data.writePosition(size);
    }

    private int group(int cell) {
        int g = groupOfCell[cell];
        if (g >= 0) {
            return g;
        }
        if (groups == groupCell.length) {
            growGroups(groups * 2);
        }
        g = groups++;
        groupOfCell[cell] = g;
        groupCell[g] = cell;
        groupCount[g] = 0;
        groupCursor[g] = 0;
        return g;
    }

    /** The group of records of {@code cell}, or -1 when it has none this tick. */
    int groupOf(int cell) {
        return groupOfCell[cell];
    }

    /** The group of records of entities in no cell, or -1. */
    int unplaced() {
        return unplacedGroup;
    }

    /** Index of the group's first record. */
    int first(int group) {
        return groupFirst[group];
    }

    /** Index after the group's last record. */
    int end(int group) {
        return groupFirst[group] + groupCount[group];
    }

    /** The entity record {@code i} is about. */
    int entity(int i) {
        return entities[i];
    }

    /** Start offset of record {@code i} in {@link #data()}. */
    long start(int i) {
        return starts[i];
    }

    /** End offset (exclusive) of record {@code i}. */
    long endOf(int i) {
        return i + 1 < count ? starts[i + 1] : size;
    }

    /** The regrouped records. */
    Bytes<Void> data() {
        return data;
    }

    @Override
    public void close() {
        data.releaseLast();
    }
}

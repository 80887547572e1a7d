package dev.entitynet.replication.packet;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The records of one tick and one kind (sync or delta), encoded once into a reusable off-heap
 * buffer, with the entity each record is about so the fan-out can filter per peer. Every record
 * fits into one packet on its own (the snapshot engine splits larger states), so packets are cut
 * only between records.
 */
public final class RecordStream implements AutoCloseable {
    private final Bytes<Void> data = Bytes.allocateElasticDirect(1 << 16);
    private final IntArrayList starts = new IntArrayList();
    private final IntArrayList entities = new IntArrayList();
    private int restricted;
    /** Write position, kept here (not in {@link #data}) so appending a record costs no buffer checks. */
    private long position;
    private long address;
    private long capacity;

    /** Empties the stream for the next tick, keeping its memory. */
    public void clear() {
        data.clear();
        position = 0;
        starts.clear();
        entities.clear();
        restricted = 0;
    }

    /**
     * Makes room for {@code records} records without growing during a tick: how many records a tick
     * holds follows what is visible, which wanders, so growth would otherwise keep happening in the
     * steady state whenever it reached a new high.
     */
    public void reserveRecords(int records) {
        if (records > starts.elements().length) {
            // at least double: this is called for every new synchronizer, and growing by one each time is quadratic
            int capacity = Math.max(records, 2 * starts.elements().length);
            starts.ensureCapacity(capacity);
            entities.ensureCapacity(capacity);
        }
    }

    /** The buffer holding the records (its write position is brought up to date). */
    public Bytes<Void> data() {
        data.writePosition(position);
        return data;
    }

    /**
     * Starts a record about {@code entity}; write it with {@link #reserve} and {@link #commit}.
     *
     * @param visibleToAll whether every connected peer may receive it (lets the fan-out share packets)
     */
    public void beginRecord(int entity, boolean visibleToAll) {
        starts.add((int) position);
        entities.add(entity);
        if (!visibleToAll) {
            restricted++;
        }
    }

    /**
     * Reserves {@code maxBytes} at the end of the buffer for a record written with raw stores;
     * finish it with {@link #commit}.
     *
     * @return the native address to write at
     */
    public long reserve(int maxBytes) {
        if (position + maxBytes > capacity) {
            data.ensureCapacity(position + maxBytes);
            capacity = data.realCapacity();
            address = data.addressForWrite(0);
        }
        return address + position;
    }

    /** Ends a record started with {@link #reserve}: it took {@code bytes} bytes. */
    public void commit(int bytes) {
        position += bytes;
    }

    /** Number of records. */
    public int size() {
        return starts.size();
    }

    /** Whether every record may go to every peer. */
    public boolean allVisibleToAll() {
        return restricted == 0;
    }

    /** The entity record {@code i} is about. */
    public int entity(int i) {
        return entities.getInt(i);
    }

    /** Start offset of record {@code i} in {@link #data()}. */
    public long start(int i) {
        return starts.getInt(i);
    }

    /** End offset (exclusive) of record {@code i}. */
    public long end(int i) {
        return i + 1 < starts.size() ? starts.getInt(i + 1) : position;
    }

    /** Length of record {@code i}. */
    public int length(int i) {
        return (int) (end(i) - starts.getInt(i));
    }

    @Override
    public void close() {
        data.releaseLast();
    }
}

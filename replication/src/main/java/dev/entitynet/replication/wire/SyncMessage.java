package dev.entitynet.replication.wire;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.replication.packet.VarInt;
import net.openhft.chronicle.bytes.Bytes;

/**
 * SYNC (command 6, UNRELIABLE: ALWAYS properties) and DELTA (command 6 | 0x10, RELIABLE: ON_CHANGE
 * properties), encoded and decoded in this one place:
 *
 * <pre>
 * SYNC:  u8 0x06, u32 sender tick, u32 stream sequence, records to the end
 * DELTA: u8 0x16, u32 sender tick, records to the end
 * record: varint netId &lt;&lt; 1 | foreign
 *         varint namespace                 only when foreign
 *         varint SYNC: size &lt;&lt; 1 | partial; DELTA: size
 *         varint first property             SYNC and partial only
 *         bytes  size bytes of values       (DELTA: the changed set first)
 * </pre>
 *
 * The sender writes headers with {@link #startPacket} and record headers with raw stores
 * ({@link #putRecordHeader}); the receiver wraps a packet ({@link #wrap}) and steps through its
 * records ({@link #nextRecord}), each checked to fit the packet before its fields are read. What
 * the values mean is the config's business (see {@code BoundConfig}).
 */
public final class SyncMessage {
    /** Bytes before the first record of a SYNC packet. */
    public static final int SYNC_HEADER = 9;
    /** Bytes before the first record of a DELTA packet. */
    public static final int DELTA_HEADER = 5;
    /** Largest record header: net id, namespace, size, first property (5-byte varints). */
    public static final int MAX_RECORD_HEADER = 20;
    /** {@link #nextRecord}: a record is ready. */
    public static final int RECORD = 1;
    /** {@link #nextRecord}: no record left. */
    public static final int END = 0;
    /** {@link #nextRecord}: the rest of the packet is malformed. */
    public static final int MALFORMED = -1;
    private static final int SEQUENCE_AT = 5;

    private Bytes<?> packet;
    private boolean delta;
    private int tick;
    private int sequence;
    private long at;
    private long limit;
    private int netId;
    private int namespace;
    private int size;
    private boolean partial;
    private int first;
    private long valuesAt;

    /** Starts a SYNC (with {@code sequence}) or DELTA packet in {@code out}, cleared first. */
    public static void startPacket(Bytes<?> out, boolean delta, long tick, int sequence) {
        out.clear();
        out.writeByte((byte) (delta ? Command.SYNC | Command.FLAG_DELTA : Command.SYNC));
        out.writeInt((int) tick);
        if (!delta) {
            out.writeInt(sequence);
        }
    }

    /** Sets the stream sequence of a SYNC packet already written (one packet, several peers). */
    public static void patchSequence(Bytes<?> packet, int sequence) {
        packet.writeInt(SEQUENCE_AT, sequence);
    }

    /** Bytes before the first record. */
    public static int headerLength(boolean delta) {
        return delta ? DELTA_HEADER : SYNC_HEADER;
    }

    /**
     * Writes a record header at a native {@code address} with at least {@link #MAX_RECORD_HEADER}
     * bytes reserved; the values follow it.
     *
     * @param namespace the peer that assigned {@code netId}; written only when it is not {@code sender}
     * @param partial SYNC only: the values start at property {@code first}, or stop early
     * @return the bytes written
     */
    public static int putRecordHeader(long address, boolean delta, int netId, int namespace, int sender, int size, boolean partial,
                                      int first) {
        boolean foreign = namespace != sender;
        int n = VarInt.put(address, netId << 1 | (foreign ? 1 : 0));
        if (foreign) {
            n += VarInt.put(address + n, namespace);
        }
        if (delta) {
            return n + VarInt.put(address + n, size);
        }
        n += VarInt.put(address + n, size << 1 | (partial ? 1 : 0));
        if (partial) {
            n += VarInt.put(address + n, first);
        }
        return n;
    }

    /**
     * Wraps the SYNC ({@code delta} false) or DELTA packet in {@code in} (read position after the
     * command byte) for reading its records.
     *
     * @return false when the header is truncated
     */
    public boolean wrap(Bytes<?> in, boolean isDelta) {
        long start = in.readPosition();
        long end = in.readLimit();
        int header = headerLength(isDelta) - 1;
        if (end - start < header) {
            return false;
        }
        this.packet = in;
        this.delta = isDelta;
        this.tick = in.readInt(start);
        this.sequence = isDelta ? 0 : in.readInt(start + 4);
        this.at = start + header;
        this.limit = end;
        return true;
    }

    /**
     * Reads the next record's header: {@link #RECORD} when it fits the packet (its fields are then
     * readable, its values at {@link #valuesAt()}), {@link #END} at the end, {@link #MALFORMED} when
     * a field or the size does not fit (nothing after it can be trusted).
     */
    public int nextRecord() {
        if (at >= limit) {
            return END;
        }
        long r = VarInt.read(packet, at, limit);
        if (r < 0) {
            return MALFORMED;
        }
        long p = at + VarInt.length(r);
        netId = VarInt.value(r) >>> 1;
        namespace = -1;
        if ((VarInt.value(r) & 1) != 0) {
            r = VarInt.read(packet, p, limit);
            if (r < 0) {
                return MALFORMED;
            }
            p += VarInt.length(r);
            namespace = VarInt.value(r);
        }
        r = VarInt.read(packet, p, limit);
        if (r < 0) {
            return MALFORMED;
        }
        p += VarInt.length(r);
        size = delta ? VarInt.value(r) : VarInt.value(r) >>> 1;
        partial = !delta && (VarInt.value(r) & 1) != 0;
        first = 0;
        if (partial) {
            r = VarInt.read(packet, p, limit);
            if (r < 0) {
                return MALFORMED;
            }
            p += VarInt.length(r);
            first = VarInt.value(r);
        }
        if (limit - p < size) {
            return MALFORMED;
        }
        valuesAt = p;
        at = p + size;
        return RECORD;
    }

    /** The sender tick (low 32 bits). */
    public int tick() {
        return tick;
    }

    /** The stream sequence of a SYNC packet. */
    public int sequence() {
        return sequence;
    }

    /** The record's net id. */
    public int netId() {
        return netId;
    }

    /** The record's namespace, or -1 when it is the sender's. */
    public int namespace() {
        return namespace;
    }

    /** Bytes of the record's values. */
    public int size() {
        return size;
    }

    /** SYNC: whether the record holds only part of the ALWAYS values. */
    public boolean partial() {
        return partial;
    }

    /** SYNC: the index (in the ALWAYS list) of the record's first value. */
    public int first() {
        return first;
    }

    /** Offset of the record's values in the packet. */
    public long valuesAt() {
        return valuesAt;
    }
}

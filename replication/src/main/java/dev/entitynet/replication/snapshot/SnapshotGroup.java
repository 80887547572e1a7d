package dev.entitynet.replication.snapshot;

import dev.entitynet.replication.codec.PropertyCodec;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.packet.NativeCopy;
import dev.entitynet.replication.packet.RecordStream;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.wire.SyncMessage;
import java.util.Arrays;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.core.UnsafeMemory;

/**
 * The off-heap snapshot of every synchronizer that shares one config and whose authority is this
 * peer. Each synchronizer owns a slot of {@code stride} bytes holding the last encoding of its
 * ALWAYS and ON_CHANGE properties, each at a fixed offset padded to 8 bytes.
 *
 * <p>Per tick, {@link #capture} re-encodes the synchronizers and compares their ON_CHANGE values
 * long by long with the stored encoding; a difference sets the property's bit in the slot's pending
 * changed-set (as many bits as the config has ON_CHANGE properties: no cap). With
 * {@link ChangeTracking#COMPARE_ALL} the whole tick is encoded into a second buffer, compared, and
 * the buffers swap; with {@link ChangeTracking#MARKED} only marked synchronizers are encoded, as
 * rows of a scratch buffer that are compared and copied into their slots. Either way encoding runs
 * one property at a time over many entities (see {@link PropertyCodec#writeColumn}).
 * {@link #emitSync} and {@link #emitDeltas} then turn slots into records once per tick, for all
 * peers; they split a state that would not fit one packet at property boundaries.
 *
 * <p>Slots are dense (removal moves the last slot into the hole), so a tick is a linear pass.
 */
public final class SnapshotGroup implements AutoCloseable {
    /** A replication interval meaning "never": the ALWAYS values go another way (delta-coded snapshots). */
    public static final int NEVER = -1;
    private static final UnsafeMemory MEMORY = UnsafeMemory.MEMORY;

    private final BoundConfig bound;
    private final ChangeTracking tracking;
    private final int[] always;
    private final int[] onChange;
    /** ON_CHANGE then ALWAYS property indices: everything a slot holds. */
    private final int[] encoded;
    private final int[] offsets;
    private final int[] regions;
    private final boolean[] variable;
    /** Encoded length of fixed-length properties (the rest are measured). */
    private final int[] fixedLengths;
    private final int stride;
    private final int onChangeBlock;
    private final int changeWords;
    private final int changeSetBytes;
    /** Slot of each entity id, -1 for none: artemis ids are small and dense, and an array load beats a hash probe per mark. */
    private int[] slotOfEntity = new int[0];
    /** Rows of freshly encoded marked slots (MARKED) or one new slot (add). */
    private BytesStore<?, Void> scratch;
    private long scratchAddress;
    private int[] markedSlots;
    private int[] markedEntities;
    private final long[] recordBits;
    private BytesStore<?, Void> store;
    private long storeAddress;
    /** COMPARE_ALL encodes a whole tick here, compares it with {@link #store}, then the two swap. */
    private BytesStore<?, Void> next;
    private long nextAddress;
    private int capacity;
    private int count;
    private int[] entities;
    private int[] netIds;
    private int[] namespaces;
    private int[] syncIntervals;
    private int[] deltaIntervals;
    private long[] lastSync;
    private long[] lastDelta;
    private long[] pending;
    private long[] pendingAny;
    private long[] dirty;

    /** A group for {@code bound}'s synchronizers, with room for {@code initialSlots} before growing. */
    public SnapshotGroup(BoundConfig bound, ChangeTracking tracking, int initialSlots) {
        this.bound = bound;
        this.tracking = tracking;
        ReplicationConfig config = bound.config();
        this.always = config.alwaysProperties();
        this.onChange = config.onChangeProperties();
        this.encoded = new int[onChange.length + always.length];
        System.arraycopy(onChange, 0, encoded, 0, onChange.length);
        System.arraycopy(always, 0, encoded, onChange.length, always.length);
        int n = config.size();
        this.offsets = new int[n];
        this.regions = new int[n];
        this.variable = new boolean[n];
        this.fixedLengths = new int[n];
        Arrays.fill(offsets, -1);
        // ON_CHANGE values first, as one contiguous block compared in one pass; ALWAYS values after
        int at = 0;
        for (int p : onChange) {
            at = place(config, p, at);
        }
        this.onChangeBlock = at;
        for (int p : always) {
            at = place(config, p, at);
        }
        this.stride = Math.max(at, 8);
        this.changeWords = Math.max(1, (onChange.length + 63) >>> 6);
        this.changeSetBytes = (onChange.length + 7) >>> 3;
        this.recordBits = new long[changeWords];
        allocate(Math.max(16, initialSlots));
    }

    private int place(ReplicationConfig config, int p, int at) {
        PropertyCodec<?> codec = config.property(p).codec();
        offsets[p] = at;
        regions[p] = (codec.maxEncodedLength() + 7) & ~7;
        variable[p] = !codec.fixedLength();
        fixedLengths[p] = codec.maxEncodedLength();
        return at + regions[p];
    }

    /** Number of synchronizers in the group. */
    public int size() {
        return count;
    }

    /** Bytes of the changed-set in a delta record (one bit per ON_CHANGE property). */
    public int changeSetBytes() {
        return changeSetBytes;
    }

    /** Whether {@code entity} has a slot. */
    public boolean contains(int entity) {
        return slotOrNone(entity) >= 0;
    }

    /**
     * Adds {@code entity} and encodes its current state as the baseline: nothing is pending, since
     * peers get that state in the spawn packet.
     *
     * @param netId the entity's net id in {@code namespace}
     * @param namespace the peer that assigned {@code netId} (the spawner's authority)
     * @param syncInterval ticks between ALWAYS records (0 or 1 = every tick, {@link #NEVER} = none)
     * @param deltaInterval ticks between delta records (0 or 1 = every tick)
     */
    public void add(int entity, int netId, int namespace, int syncInterval, int deltaInterval, long tick) {
        if (slotOrNone(entity) >= 0) {
            throw new IllegalStateException("entity " + entity + " is already in snapshot group " + bound.config().name());
        }
        if (count == capacity) {
            allocate(capacity * 2);
        }
        markedEntities[0] = entity;
        encodeRows(markedEntities, 1, scratch); // first, so a missing component leaves the group unchanged
        int s = count++;
        setSlot(entity, s);
        entities[s] = entity;
        netIds[s] = netId;
        namespaces[s] = namespace;
        syncIntervals[s] = syncInterval;
        deltaIntervals[s] = deltaInterval;
        lastSync[s] = tick - Math.max(1, syncInterval);
        lastDelta[s] = tick - Math.max(1, deltaInterval);
        Arrays.fill(pending, s * changeWords, (s + 1) * changeWords, 0L);
        clearBit(pendingAny, s);
        clearBit(dirty, s);
        MEMORY.copyMemory(scratchAddress, storeAddress + (long) s * stride, stride);
    }

    /** Removes {@code entity}; false when it had no slot. */
    public boolean remove(int entity) {
        int s = slotOrNone(entity);
        if (s < 0) {
            return false;
        }
        slotOfEntity[entity] = -1;
        int last = --count;
        if (s != last) {
            moveSlot(last, s);
        }
        clearBit(pendingAny, last);
        clearBit(dirty, last);
        return true;
    }

    /** Changes the intervals of {@code entity}'s synchronizer. */
    public void intervals(int entity, int syncInterval, int deltaInterval) {
        int s = slotOf(entity);
        syncIntervals[s] = syncInterval;
        deltaIntervals[s] = deltaInterval;
    }

    /** Marks {@code entity} changed, for {@link ChangeTracking#MARKED}; unknown entities are ignored. */
    public void markDirty(int entity) {
        int s = slotOrNone(entity);
        if (s >= 0) {
            dirty[s >>> 6] |= 1L << s;
        }
    }

    /** Marks every ON_CHANGE value of {@code entity} changed, so the next delta carries them all. */
    public void markAllChanged(int entity) {
        int s = slotOf(entity);
        for (int k = 0; k < onChange.length; k++) {
            pending[s * changeWords + (k >>> 6)] |= 1L << k;
        }
        if (onChange.length > 0) {
            pendingAny[s >>> 6] |= 1L << s;
        }
    }

    /**
     * Re-encodes the synchronizers (every one, or with {@link ChangeTracking#MARKED} only the
     * marked ones) and records which ON_CHANGE values changed.
     *
     * @return the number of synchronizers encoded and compared
     */
    public int capture() {
        if (tracking == ChangeTracking.COMPARE_ALL) {
            captureAll();
            return count;
        }
        return captureMarked();
    }

    /**
     * Appends an ALWAYS record for every synchronizer whose replication interval elapsed and that
     * some peer can see; states larger than {@code maxRecord} bytes become several partial records.
     *
     * @return the number of synchronizers written
     */
    public int emitSync(long tick, int sender, int maxRecord, Audience audience, RecordStream out) {
        if (always.length == 0) {
            return 0;
        }
        int written = 0;
        for (int s = 0; s < count; s++) {
            if (syncIntervals[s] == NEVER || tick - lastSync[s] < syncIntervals[s]) {
                continue;
            }
            lastSync[s] = tick;
            int entity = entities[s];
            if (!audience.visibleToAny(entity)) {
                continue;
            }
            writeSyncRecords(s, sender, maxRecord, audience.visibleToAll(entity), out);
            written++;
        }
        return written;
    }

    /**
     * Appends a delta record for every synchronizer with changed ON_CHANGE values whose delta
     * interval elapsed; the pending changes are cleared (also for entities nobody can see, whose
     * next spawn carries their full state).
     *
     * @return the number of synchronizers written
     */
    public int emitDeltas(long tick, int sender, int maxRecord, Audience audience, RecordStream out) {
        int written = 0;
        int words = (count + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long bits = pendingAny[w];
            while (bits != 0) {
                int s = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (tick - lastDelta[s] < deltaIntervals[s]) {
                    continue;
                }
                lastDelta[s] = tick;
                pendingAny[w] &= ~(1L << s);
                int entity = entities[s];
                if (audience.visibleToAny(entity)) {
                    writeDeltaRecords(s, sender, maxRecord, audience.visibleToAll(entity), out);
                    written++;
                }
                for (int i = s * changeWords, end = i + changeWords; i < end; i++) {
                    pending[i] = 0;
                }
            }
        }
        return written;
    }

    @Override
    public void close() {
        store.releaseLast();
        scratch.releaseLast();
        if (next != null) {
            next.releaseLast();
        }
    }

    /**
     * Encodes the whole tick into {@link #next} column by column (one property of every slot at a
     * time, so each codec's loop calls one receiver the JIT inlines), compares it with
     * {@link #store} long by long, then swaps the two.
     */
    private void captureAll() {
        encodeRows(entities, count, next);
        for (int s = 0; s < count; s++) {
            long base = (long) s * stride;
            if (!equalRegions(nextAddress + base, storeAddress + base, onChangeBlock)) {
                markChanged(s, nextAddress + base, storeAddress + base);
            }
        }
        BytesStore<?, Void> swap = store;
        store = next;
        next = swap;
        long swapAddress = storeAddress;
        storeAddress = nextAddress;
        nextAddress = swapAddress;
    }

    private void markChanged(int s, long encoded, long stored) {
        for (int k = 0; k < onChange.length; k++) {
            int off = offsets[onChange[k]];
            if (!equalRegions(encoded + off, stored + off, regions[onChange[k]])) {
                pending[s * changeWords + (k >>> 6)] |= 1L << k;
            }
        }
        pendingAny[s >>> 6] |= 1L << s;
    }

    /**
     * Encodes the marked slots, as rows of a scratch buffer, column by column; compares each row's
     * ON_CHANGE block with the stored one and copies the row over.
     */
    private int captureMarked() {
        int n = 0;
        int words = (count + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long bits = dirty[w];
            dirty[w] = 0;
            while (bits != 0) {
                int s = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (s < count) {
                    markedSlots[n] = s;
                    markedEntities[n++] = entities[s];
                }
            }
        }
        encodeRows(markedEntities, n, scratch);
        for (int i = 0; i < n; i++) {
            int s = markedSlots[i];
            long row = scratchAddress + (long) i * stride;
            long slot = storeAddress + (long) s * stride;
            if (!equalRegions(row, slot, onChangeBlock)) {
                markChanged(s, row, slot);
            }
            NativeCopy.copySmall(row, slot, stride);
        }
        return n;
    }

    /** Encodes every property of {@code entities[0..n)} into rows 0..n of {@code out}, one property at a time. */
    private void encodeRows(int[] rowEntities, int n, BytesStore<?, Void> out) {
        for (int p : encoded) {
            if (variable[p]) {
                for (int i = 0; i < n; i++) {
                    long at = (long) i * stride + offsets[p];
                    out.zeroOut(at, at + regions[p]);
                }
            }
            bound.encodeColumn(p, rowEntities, n, out, offsets[p], stride);
        }
    }

    private static boolean equalRegions(long a, long b, int length) {
        for (int i = 0; i < length; i += 8) {
            if (MEMORY.readLong(a + i) != MEMORY.readLong(b + i)) {
                return false;
            }
        }
        return true;
    }

    private int valueLength(int s, int p) {
        if (!variable[p]) {
            return fixedLengths[p];
        }
        long at = (long) s * stride + offsets[p];
        return bound.codec(p).measure(store, at, at + regions[p]);
    }

    /** Copies property {@code p}'s stored value of slot {@code s} to {@code address}; returns its length. */
    private int copyValue(int s, int p, long address) {
        int len = valueLength(s, p);
        NativeCopy.copySmall(storeAddress + (long) s * stride + offsets[p], address, len);
        return len;
    }

    private void writeSyncRecords(int s, int sender, int maxRecord, boolean visibleToAll, RecordStream out) {
        int entity = entities[s];
        int first = 0;
        while (first < always.length) {
            int end = first;
            int size = 0;
            while (end < always.length) {
                int len = valueLength(s, always[end]);
                if (end > first && SyncMessage.MAX_RECORD_HEADER + size + len > maxRecord) {
                    break;
                }
                size += len;
                end++;
            }
            boolean partial = first > 0 || end < always.length;
            out.beginRecord(entity, visibleToAll);
            long address = out.reserve(SyncMessage.MAX_RECORD_HEADER + size);
            int n = SyncMessage.putRecordHeader(address, false, netIds[s], namespaces[s], sender, size, partial, first);
            for (int i = first; i < end; i++) {
                n += copyValue(s, always[i], address + n);
            }
            out.commit(n);
            first = end;
        }
    }

    private void writeDeltaRecords(int s, int sender, int maxRecord, boolean visibleToAll, RecordStream out) {
        int entity = entities[s];
        int base = s * changeWords;
        int k = nextPending(base, 0);
        while (k >= 0) {
            clearRecordBits();
            int size = changeSetBytes;
            int taken = 0;
            int from = k;
            while (k >= 0) {
                int len = valueLength(s, onChange[k]);
                if (taken > 0 && SyncMessage.MAX_RECORD_HEADER + size + len > maxRecord) {
                    break;
                }
                recordBits[k >>> 6] |= 1L << k;
                size += len;
                taken++;
                k = nextPending(base, k + 1);
            }
            int to = k < 0 ? onChange.length : k;
            out.beginRecord(entity, visibleToAll);
            long address = out.reserve(SyncMessage.MAX_RECORD_HEADER + size);
            int n = SyncMessage.putRecordHeader(address, true, netIds[s], namespaces[s], sender, size, false, 0);
            for (int b = 0; b < changeSetBytes; b++) {
                MEMORY.writeByte(address + n + b, (byte) (recordBits[b >>> 3] >>> ((b & 7) << 3)));
            }
            n += changeSetBytes;
            for (int i = from; i < to; i++) {
                if ((recordBits[i >>> 6] & 1L << i) != 0) {
                    n += copyValue(s, onChange[i], address + n);
                }
            }
            out.commit(n);
        }
    }

    private void clearRecordBits() {
        for (int i = 0; i < recordBits.length; i++) {
            recordBits[i] = 0;
        }
    }

    private int nextPending(int base, int from) {
        for (int w = from >>> 6; w < changeWords; w++) {
            long bits = pending[base + w] & (w == from >>> 6 ? -1L << from : -1L);
            if (bits != 0) {
                int k = (w << 6) + Long.numberOfTrailingZeros(bits);
                return k < onChange.length ? k : -1;
            }
        }
        return -1;
    }

    private int slotOf(int entity) {
        int s = slotOrNone(entity);
        if (s < 0) {
            throw new IllegalArgumentException("entity " + entity + " has no slot in snapshot group " + bound.config().name());
        }
        return s;
    }

    /** The slot of {@code entity}, or -1. */
    private int slotOrNone(int entity) {
        return entity >= 0 && entity < slotOfEntity.length ? slotOfEntity[entity] : -1;
    }

    private void setSlot(int entity, int slot) {
        if (entity >= slotOfEntity.length) {
            int old = slotOfEntity.length;
            slotOfEntity = Arrays.copyOf(slotOfEntity, Math.max(entity + 1, Math.max(64, old * 2)));
            Arrays.fill(slotOfEntity, old, slotOfEntity.length, -1);
        }
        slotOfEntity[entity] = slot;
    }

    private void moveSlot(int from, int to) {
        MEMORY.copyMemory(storeAddress + (long) from * stride, storeAddress + (long) to * stride, stride);
        entities[to] = entities[from];
        netIds[to] = netIds[from];
        namespaces[to] = namespaces[from];
        syncIntervals[to] = syncIntervals[from];
        deltaIntervals[to] = deltaIntervals[from];
        lastSync[to] = lastSync[from];
        lastDelta[to] = lastDelta[from];
        System.arraycopy(pending, from * changeWords, pending, to * changeWords, changeWords);
        copyBit(pendingAny, from, to);
        copyBit(dirty, from, to);
        slotOfEntity[entities[to]] = to;
    }

    private static void copyBit(long[] bits, int from, int to) {
        if ((bits[from >>> 6] & 1L << from) != 0) {
            bits[to >>> 6] |= 1L << to;
        } else {
            bits[to >>> 6] &= ~(1L << to);
        }
    }

    private static void clearBit(long[] bits, int i) {
        bits[i >>> 6] &= ~(1L << i);
    }

    private BytesStore<?, Void> regrow(BytesStore<?, Void> old, int slots) {
        if (old != null) {
            old.releaseLast();
        }
        BytesStore<?, Void> fresh = BytesStore.nativeStoreWithFixedCapacity((long) slots * stride);
        fresh.zeroOut(0, (long) slots * stride);
        return fresh;
    }

    private void allocate(int slots) {
        BytesStore<?, Void> grown = BytesStore.nativeStoreWithFixedCapacity((long) slots * stride);
        grown.zeroOut(0, (long) slots * stride);
        if (store != null) {
            MEMORY.copyMemory(storeAddress, grown.addressForRead(0), (long) count * stride);
            store.releaseLast();
        }
        store = grown;
        storeAddress = grown.addressForRead(0);
        if (tracking == ChangeTracking.COMPARE_ALL) {
            next = regrow(next, slots);
            nextAddress = next.addressForRead(0);
        }
        scratch = regrow(scratch, tracking == ChangeTracking.MARKED ? slots : 1);
        scratchAddress = scratch.addressForRead(0);
        markedSlots = Arrays.copyOf(markedSlots == null ? new int[0] : markedSlots, slots);
        markedEntities = Arrays.copyOf(markedEntities == null ? new int[0] : markedEntities, slots);
        capacity = slots;
        entities = Arrays.copyOf(entities == null ? new int[0] : entities, slots);
        netIds = Arrays.copyOf(netIds == null ? new int[0] : netIds, slots);
        namespaces = Arrays.copyOf(namespaces == null ? new int[0] : namespaces, slots);
        syncIntervals = Arrays.copyOf(syncIntervals == null ? new int[0] : syncIntervals, slots);
        deltaIntervals = Arrays.copyOf(deltaIntervals == null ? new int[0] : deltaIntervals, slots);
        lastSync = Arrays.copyOf(lastSync == null ? new long[0] : lastSync, slots);
        lastDelta = Arrays.copyOf(lastDelta == null ? new long[0] : lastDelta, slots);
        pending = Arrays.copyOf(pending == null ? new long[0] : pending, slots * changeWords);
        int words = (slots + 63) >>> 6;
        pendingAny = Arrays.copyOf(pendingAny == null ? new long[0] : pendingAny, words);
        dirty = Arrays.copyOf(dirty == null ? new long[0] : dirty, words);
    }
}

package dev.entitynet.ecs.path;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

/**
 * Godot's SceneCacheInterface bookkeeping, both directions, without the wire format.
 *
 * <p>Sending: this side gives each entity it addresses one cache id (a counter from 1, never reused
 * until {@link #clear}) and remembers per peer which ids it announced (SIMPLIFY_PATH) and which the
 * peer confirmed (CONFIRM_PATH). Receiving: per peer, the ids that peer announced and the entities
 * they resolved to. Both sides store the entity together with its {@link EntityPaths#serial}, so a
 * renamed, moved or deleted (and recycled) entity never matches a stale entry.
 */
public final class PathCache {
    /** Outcome of {@link #record}. */
    public enum RecordResult { RECORDED, DUPLICATE_ID, FULL }

    private final Int2LongOpenHashMap idByEntity = new Int2LongOpenHashMap();
    private final Int2ObjectOpenHashMap<PeerState> peers = new Int2ObjectOpenHashMap<>();
    private final int maxEntriesPerPeer;
    private int lastId;

    /** A cache that accepts at most {@code maxEntriesPerPeer} announced ids from each peer. */
    public PathCache(int maxEntriesPerPeer) {
        if (maxEntriesPerPeer < 1) {
            throw new IllegalArgumentException("maxEntriesPerPeer must be at least 1, got " + maxEntriesPerPeer);
        }
        this.maxEntriesPerPeer = maxEntriesPerPeer;
        idByEntity.defaultReturnValue(-1L);
    }

    /** This side's cache id for {@code entity} at {@code serial}; a new id when either changed. */
    public int idFor(int entity, int serial) {
        long entry = idByEntity.get(entity);
        if (entry != -1L && (int) (entry >>> 32) == serial) {
            return (int) entry;
        }
        int id = ++lastId;
        idByEntity.put(entity, ((long) serial << 32) | (id & 0xFFFF_FFFFL));
        return id;
    }

    /** Starts tracking {@code peerId}. */
    public void addPeer(int peerId) {
        peers.putIfAbsent(peerId, new PeerState());
    }

    /** Forgets everything about {@code peerId}. */
    public void removePeer(int peerId) {
        peers.remove(peerId);
    }

    /** Whether this side already announced {@code id} to {@code peerId}. */
    public boolean isAnnounced(int peerId, int id) {
        PeerState state = peers.get(peerId);
        return state != null && state.announced.contains(id);
    }

    /** Notes that {@code id} was announced to {@code peerId}; false when the peer is not tracked. */
    public boolean markAnnounced(int peerId, int id) {
        PeerState state = peers.get(peerId);
        return state != null && state.announced.add(id);
    }

    /** Whether {@code peerId} confirmed {@code id}. */
    public boolean isConfirmed(int peerId, int id) {
        PeerState state = peers.get(peerId);
        return state != null && state.confirmed.contains(id);
    }

    /** Records a confirmation; false when {@code id} was never announced to {@code peerId}. */
    public boolean confirm(int peerId, int id) {
        PeerState state = peers.get(peerId);
        if (state == null || !state.announced.contains(id)) {
            return false;
        }
        state.confirmed.add(id);
        return true;
    }

    /** Records that {@code peerId}'s id {@code id} means {@code entity} (at {@code serial}; -1 entity = unresolved). */
    public RecordResult record(int peerId, int id, int entity, int serial) {
        PeerState state = peers.get(peerId);
        if (state == null) {
            return RecordResult.FULL;
        }
        if (state.received.containsKey(id)) {
            return RecordResult.DUPLICATE_ID;
        }
        if (state.received.size() >= maxEntriesPerPeer) {
            return RecordResult.FULL;
        }
        state.received.put(id, ((long) serial << 32) | (entity & 0xFFFF_FFFFL));
        return RecordResult.RECORDED;
    }

    /** The entity {@code peerId}'s {@code id} names, -1 when unknown or when the entity's path changed since. */
    public int entityFor(int peerId, int id, EntityPaths paths) {
        PeerState state = peers.get(peerId);
        if (state == null) {
            return -1;
        }
        long entry = state.received.get(id);
        if (entry == -1L) {
            return -1;
        }
        int entity = (int) entry;
        return entity >= 0 && paths.serial(entity) == (int) (entry >>> 32) ? entity : -1;
    }

    /** Forgets every id and peer; ids start again from 1. */
    public void clear() {
        idByEntity.clear();
        peers.clear();
        lastId = 0;
    }

    private static final class PeerState {
        final IntOpenHashSet announced = new IntOpenHashSet();
        final IntOpenHashSet confirmed = new IntOpenHashSet();
        final Int2LongOpenHashMap received = new Int2LongOpenHashMap();

        PeerState() {
            received.defaultReturnValue(-1L);
        }
    }
}

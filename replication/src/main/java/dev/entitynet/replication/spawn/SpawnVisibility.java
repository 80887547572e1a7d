package dev.entitynet.replication.spawn;

import com.artemis.ComponentMapper;
import com.artemis.World;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.visibility.InterestScope;
import dev.entitynet.replication.visibility.Reconsider;
import dev.entitynet.replication.visibility.VisibilityRules;
import dev.entitynet.transport.SendResult;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;

/**
 * Which peer has which tracked spawn, and the spawns and despawns that keep that equal to what
 * each peer may see: interest management narrows the candidates, Godot's rules (public flag,
 * {@code set_visibility_for}, filters) decide, and a spawn needs its tracked parent first.
 *
 * <p>Work is queued as (spawn, peer slot) pairs, or (spawn, every candidate) for Godot's
 * {@code update_visibility}, and evaluated together before spawns go out: sorted by net id, so
 * parents come before children and the order is the same in every run. Evaluating a pair that
 * changed nothing costs a few loads, so a pair queued twice is harmless. Nothing here looks at a
 * peer or a spawn that no change named.
 *
 * <p>A peer gets at most {@link #spawnBudget} spawns per tick from the queue (a viewpoint entering a
 * crowded area, a teleport): the rest wait for the next tick, so a burst never floods the
 * transport's queues. A spawn or despawn the transport refuses (back-pressure) is retried next
 * tick, and the peer is marked as having the spawn only once the transport took it.
 */
final class SpawnVisibility implements Audience, Reconsider {
    /** The slot part of a queued pair that means "every candidate peer". */
    private static final int ALL = -1;
    /** Spawns a peer gets per tick at most, unless changed. */
    static final int DEFAULT_SPAWN_BUDGET = 1024;

    private final ReplicationHost host;
    private final PeerSlots slots;
    private final ReceiverTable receivers;
    private final TrackedSpawns tracked;
    private final Int2ObjectOpenHashMap<TrackedSpawn> byNetId;
    private final SpawnSender sender;
    private final ComponentMapper<Synchronizer> synchronizers;
    /** Tracked entities with visibility filters, re-evaluated every tick for their candidate peers. */
    private final IntArrayList filtered = new IntArrayList();
    private final IntArrayList candidates = new IntArrayList();
    private InterestScope scope = InterestScope.EVERYONE;
    private LongArrayList queue = new LongArrayList(256);
    /** The pairs being evaluated while evaluation queues more (the next round). */
    private LongArrayList round = new LongArrayList(256);
    /** Pairs put off to the next tick (budget, back-pressure). */
    private final LongArrayList deferred = new LongArrayList(256);
    /** (net id, peer id) of despawns of ended spawns that the transport refused, retried next tick. */
    private final LongArrayList refusedDespawns = new LongArrayList(16);
    private int[] spawnedThisTick = new int[64];
    private int spawnBudget = DEFAULT_SPAWN_BUDGET;
    private final ReplicationStats stats;

    SpawnVisibility(World world, ReplicationHost host, PeerSlots slots, ReceiverTable receivers, TrackedSpawns tracked,
                    Int2ObjectOpenHashMap<TrackedSpawn> byNetId, SpawnSender sender, ReplicationStats stats) {
        this.host = host;
        this.slots = slots;
        this.receivers = receivers;
        this.tracked = tracked;
        this.byNetId = byNetId;
        this.sender = sender;
        this.stats = stats;
        this.synchronizers = world.getMapper(Synchronizer.class);
    }

    void scope(InterestScope interest) {
        this.scope = interest;
    }

    InterestScope scope() {
        return scope;
    }

    // ---------------------------------------------------------------- queueing

    /** Re-evaluates {@code t} for every candidate peer before the next spawns go out. */
    void queueAll(TrackedSpawn t) {
        if (!t.visibilityQueued) {
            t.visibilityQueued = true;
            push(t.netId, ALL);
        }
    }

    @Override
    public void reconsider(int entity, int slot) {
        TrackedSpawn t = tracked.get(entity);
        if (t != null) {
            push(t.netId, slot);
        }
    }

    /** Whether {@code entity}'s filters are evaluated every tick (Godot's {@code VISIBILITY_PROCESS_IDLE}). */
    void evaluateEveryTick(int entity, boolean everyTick) {
        if (!everyTick) {
            filtered.rem(entity);
        } else if (!filtered.contains(entity)) {
            filtered.add(entity);
        }
    }

    /** Queues every filtered spawn for its candidate peers: what a filter costs per tick. */
    void queueFiltered() {
        for (int i = 0; i < filtered.size(); i++) {
            TrackedSpawn t = tracked.get(filtered.getInt(i));
            if (t != null) {
                queueAll(t);
            }
        }
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    private void push(int netId, int slot) {
        queue.add(pair(netId, slot));
    }

    private static long pair(int netId, int slot) {
        return (long) netId << 32 | (slot & 0xFFFFFFFFL);
    }

    private void defer(int netId, int slot) {
        deferred.add(pair(netId, slot));
        stats.increment(Counter.SPAWNS_DEFERRED);
    }

    /** Spawns a peer gets per tick at most (at least 1). */
    void spawnBudget(int spawnsPerPeerPerTick) {
        spawnBudget = spawnsPerPeerPerTick;
    }

    /** Makes room for peer slots below {@code slotBound}. */
    void ensureSlots(int slotBound) {
        if (slotBound > spawnedThisTick.length) {
            spawnedThisTick = Arrays.copyOf(spawnedThisTick, Math.max(slotBound, spawnedThisTick.length * 2));
        }
    }

    /**
     * A new tick's budget: every peer may be spawned {@link #spawnBudget} more, the pairs put off
     * last tick are queued again and refused despawns of ended spawns are sent again.
     */
    void startTick() {
        Arrays.fill(spawnedThisTick, 0, slots.bound(), 0);
        queue.addAll(deferred);
        deferred.clear();
        int kept = 0;
        for (int i = 0; i < refusedDespawns.size(); i++) {
            long d = refusedDespawns.getLong(i);
            if (sender.despawn((int) (d >>> 32), (int) d) == SendResult.BACK_PRESSURE) {
                refusedDespawns.set(kept++, d);
            }
        }
        refusedDespawns.size(kept);
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * Evaluates everything queued, in net id order; what that queues (children of spawns that came
     * or went) is evaluated in the next round, until nothing is left.
     */
    void drain() {
        while (!queue.isEmpty()) {
            LongArrayList current = queue;
            queue = round;
            round = current;
            queue.clear();
            long[] work = current.elements();
            int n = current.size();
            LongArrays.quickSort(work, 0, n);
            long previous = -1;
            for (int i = 0; i < n; i++) {
                long pair = work[i];
                if (pair == previous) {
                    continue;
                }
                previous = pair;
                TrackedSpawn t = byNetId.get((int) (pair >>> 32));
                if (t == null) {
                    continue; // deleted since it was queued
                }
                int slot = (int) pair;
                if (slot == ALL) {
                    t.visibilityQueued = false;
                    evaluateCandidates(t);
                } else {
                    evaluate(t, slot);
                }
            }
        }
    }

    private void evaluateCandidates(TrackedSpawn t) {
        candidates.clear();
        if (scope.coveringSlots(t.entity, candidates)) {
            for (int i = 0; i < candidates.size(); i++) {
                evaluate(t, candidates.getInt(i));
            }
            return;
        }
        for (int slot = 0, bound = slots.bound(); slot < bound; slot++) {
            evaluate(t, slot);
        }
    }

    /** Spawns or despawns {@code t} at the peer in {@code slot} if what it may see changed. */
    void evaluate(TrackedSpawn t, int slot) {
        int peer = slots.peerAt(slot);
        if (peer == 0 || peer == host.uniqueId()) {
            return;
        }
        Synchronizer sync = synchronizers.get(t.entity);
        boolean has = receivers.has(t.row, slot);
        boolean want = scope.admits(t.entity, slot, has) && VisibilityRules.isVisible(sync, t.entity, peer)
                && (t.parent == null || receivers.has(t.parent.row, slot));
        if (want == has) {
            return;
        }
        if (want) {
            if (spawnedThisTick[slot] >= spawnBudget || sender.spawn(t, peer, slot) == SendResult.BACK_PRESSURE) {
                defer(t.netId, slot);
                return;
            }
            spawnedThisTick[slot]++;
            receivers.add(t.row, slot); // also when the peer is closing: it forgets everything when it leaves
        } else {
            if (sender.despawn(t.netId, peer) == SendResult.BACK_PRESSURE) {
                defer(t.netId, slot);
                return;
            }
            receivers.remove(t.row, slot);
        }
        for (int i = 0; i < t.children.size(); i++) {
            push(t.children.get(i).netId, slot);
        }
        if (sync != null && sync.visibilityListener != null) {
            sync.visibilityListener.visibilityChanged(t.entity, peer, want);
        }
    }

    // ---------------------------------------------------------------- spawns coming and going

    /** A spawn is tracked: interest places it, then it is evaluated for its candidates. */
    void tracked(TrackedSpawn t) {
        reservePairs(2 * byNetId.size() + 1024);
        scope.tracked(t.entity);
        queueAll(t);
    }

    /**
     * Room for {@code pairs} queued and deferred pairs, grown when spawns are tracked so that ticks
     * rarely grow it: how many pairs a tick queues follows churn, which wanders to new highs.
     */
    private void reservePairs(int pairs) {
        if (queue.elements().length < pairs) {
            int size = Math.max(pairs, 2 * queue.elements().length);
            queue.ensureCapacity(size);
            round.ensureCapacity(size);
            deferred.ensureCapacity(size);
        }
    }

    /** A tracked spawn ended: every peer that has it gets a despawn. */
    void untracked(TrackedSpawn t) {
        for (int slot = receivers.nextReceiver(t.row, 0); slot >= 0; slot = receivers.nextReceiver(t.row, slot + 1)) {
            int peer = slots.peerAt(slot);
            if (sender.despawn(t.netId, peer) == SendResult.BACK_PRESSURE) {
                refuseDespawn(t.netId, peer);
            }
            receivers.remove(t.row, slot);
        }
        receivers.free(t.row);
        filtered.rem(t.entity);
        scope.untracked(t.entity);
    }

    private void refuseDespawn(int netId, int peer) {
        refusedDespawns.add(pair(netId, peer));
        stats.increment(Counter.SPAWNS_DEFERRED);
    }

    /** The peer in {@code slot} left: it has nothing any more. */
    void peerRemoved(int slot) {
        receivers.clearSlot(slot);
        sender.peerRemoved(slot);
    }

    void reset() {
        receivers.clear();
        queue.clear();
        deferred.clear();
        refusedDespawns.clear();
        sender.reset();
    }

    // ---------------------------------------------------------------- Audience

    /** Whether the peer in {@code slot} has the tracked spawn {@code t}. */
    boolean has(TrackedSpawn t, int slot) {
        return slot >= 0 && receivers.has(t.row, slot);
    }

    @Override
    public boolean visibleTo(int entity, int peerId) {
        TrackedSpawn t = tracked.get(entity);
        return t != null ? has(t, slots.slotOf(peerId)) : VisibilityRules.isVisible(synchronizers.get(entity), entity, peerId);
    }

    @Override
    public boolean visibleToSlot(int entity, int slot) {
        TrackedSpawn t = tracked.get(entity);
        return t != null ? receivers.has(t.row, slot) : VisibilityRules.isVisible(synchronizers.get(entity), entity, slots.peerAt(slot));
    }

    @Override
    public boolean visibleToAll(int entity) {
        TrackedSpawn t = tracked.get(entity);
        return t != null ? receivers.receivers(t.row) == host.admittedPeers().size() : VisibilityRules.isPublic(synchronizers.get(entity));
    }

    @Override
    public boolean visibleToAny(int entity) {
        TrackedSpawn t = tracked.get(entity);
        if (t != null) {
            return receivers.receivers(t.row) > 0;
        }
        for (int slot = 0, bound = slots.bound(); slot < bound; slot++) {
            int peer = slots.peerAt(slot);
            if (peer != 0 && VisibilityRules.isVisible(synchronizers.get(entity), entity, peer)) {
                return true;
            }
        }
        return false;
    }

    /** Spawns the peer {@code peerId} has from this peer. */
    int heldBy(int peerId) {
        int slot = slots.slotOf(peerId);
        return slot < 0 ? 0 : receivers.held(slot);
    }

    /** Spawns ({@code spawns}) or despawns sent to {@code peerId} since it was admitted. */
    long sentTo(int peerId, boolean spawns) {
        int slot = slots.slotOf(peerId);
        return slot < 0 ? 0 : spawns ? receivers.gained(slot) : receivers.lost(slot);
    }
}

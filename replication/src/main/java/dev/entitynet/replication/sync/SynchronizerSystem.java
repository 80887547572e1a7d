package dev.entitynet.replication.sync;

import com.artemis.Aspect;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.utils.IntBag;
import com.artemis.World;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.path.NetName;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.baseline.SnapshotEngine;
import dev.entitynet.replication.baseline.Snapshots;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.config.ReplicationMode;
import dev.entitynet.replication.packet.CellIndex;
import dev.entitynet.replication.packet.PacketFanout;
import dev.entitynet.replication.packet.PacketSink;
import dev.entitynet.replication.packet.RecordStream;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.snapshot.BoundConfig;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.snapshot.SnapshotGroup;
import dev.entitynet.replication.spawn.NetIdDirectory;
import dev.entitynet.replication.spawn.NetIdentity;
import dev.entitynet.replication.spawn.SpawnState;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.wire.SyncMessage;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntIterator;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import it.unimi.dsi.fastutil.objects.Reference2ObjectOpenHashMap;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The synchronizer side of replication: on the authority, one {@link SnapshotGroup} per config
 * captures state once per tick and the {@link PacketFanout} sends ALWAYS records unreliably and
 * ON_CHANGE records reliably to every peer that can see the entity; on receivers, records are
 * validated completely before anything is applied.
 */
public final class SynchronizerSystem implements SpawnState, AutoCloseable {
    private final ReplicationHost host;
    private final World world;
    private final Authorities authorities;
    private final EntityPaths paths;
    private final NetIdDirectory directory;
    private final ReplicationStats stats;
    private final ChangeTracking tracking;
    private final ComponentMapper<Synchronizer> synchronizers;
    private final ComponentMapper<NetIdentity> identities;
    private final Reference2ObjectOpenHashMap<ReplicationConfig, BoundConfig> bound = new Reference2ObjectOpenHashMap<>();
    private final Reference2ObjectOpenHashMap<ReplicationConfig, SnapshotGroup> groupsByConfig = new Reference2ObjectOpenHashMap<>();
    private final ObjectArrayList<SnapshotGroup> groups = new ObjectArrayList<>();
    private final RecordStream syncRecords = new RecordStream();
    private final RecordStream deltaRecords = new RecordStream();
    /** The namespace value that marks a record's id as the sender's path-cache id. */
    public static final int PATH_NAMESPACE = 0;
    private final PacketFanout fanout;
    private final SequenceWindow sequences = new SequenceWindow();
    private final SyncMessage message = new SyncMessage();
    private final PacketSink sink;
    private final ComponentMapper<NetName> names;
    /** Entities synchronized by path (no spawn): present on every peer, addressed by path-cache id. */
    private final IntOpenHashSet pathSynchronized = new IntOpenHashSet();
    private final IntArrayList candidates = new IntArrayList();
    private Audience audience;
    private final PeerSlots peers;
    private final SnapshotEngine snapshots;

    /** Wires the synchronizer side; {@code tracking} applies to every snapshot group. */
    public SynchronizerSystem(World world, ReplicationHost host, PeerSlots peers, NetIdDirectory directory, ReplicationStats stats,
                              ChangeTracking tracking) {
        this.world = world;
        this.paths = world.getSystem(EntityPaths.class);
        this.host = host;
        this.authorities = world.getSystem(Authorities.class);
        this.directory = directory;
        this.stats = stats;
        this.tracking = tracking;
        this.synchronizers = world.getMapper(Synchronizer.class);
        this.identities = world.getMapper(NetIdentity.class);
        this.names = world.getMapper(NetName.class);
        this.sink = (peer, mode, packet) -> host.sendPacket(peer, mode, 0, packet);
        this.fanout = new PacketFanout(peers, null);
        this.peers = peers;
        this.snapshots = new SnapshotEngine(world, host, directory, stats, this::bind);
        world.getAspectSubscriptionManager().get(Aspect.all(Synchronizer.class, NetName.class).exclude(NetIdentity.class))
                .addSubscriptionListener(new EntitySubscription.SubscriptionListener() {
                    @Override
                    public void inserted(IntBag entities) {
                        for (int i = 0; i < entities.size(); i++) {
                            candidates.add(entities.get(i));
                        }
                    }

                    @Override
                    public void removed(IntBag entities) {
                        for (int i = 0; i < entities.size(); i++) {
                            int e = entities.get(i);
                            candidates.rem(e);
                            if (pathSynchronized.remove(e)) {
                                forgotten(e);
                            }
                        }
                    }
                });
    }

    /** Sizes the record streams for every synchronizer this peer sends, so ticks never grow them. */
    private void reserveRecords() {
        int sending = 0;
        for (int i = 0; i < groups.size(); i++) {
            sending += groups.get(i).size();
        }
        syncRecords.reserveRecords(sending);
        deltaRecords.reserveRecords(sending);
        fanout.reserveRecords(sending);
    }

    /** Sets who may receive records (the spawner side knows). */
    public void audience(Audience audience) {
        this.audience = audience;
        fanout.audience(audience);
    }

    /** Groups records by interest cell when sending (interest management knows the cells). */
    public void cells(CellIndex cells) {
        fanout.cells(cells);
    }

    /** The fan-out, for its packet and byte counters. */
    public PacketFanout fanout() {
        return fanout;
    }

    /** Marks {@code entity} changed (needed with {@link ChangeTracking#MARKED}). */
    public void markDirty(int entity) {
        Synchronizer sync = synchronizers.get(entity);
        if (sync != null && sync.group != null) {
            sync.group.markDirty(entity);
        }
    }

    /**
     * Re-reads the synchronizer's intervals and authority (after changing them): starts or stops
     * sending from this peer.
     */
    public void refresh(int entity) {
        Synchronizer sync = synchronizers.get(entity);
        NetIdentity id = identities.get(entity);
        int pathId = id == null && sync != null ? pathCacheId(entity) : -1;
        boolean send = sync != null && sync.config != null && (id != null || pathId >= 0)
                && authorities.authorityOf(entity) == host.uniqueId();
        if (sync != null && sync.config != null) {
            snapshots.covers(bind(sync.config)); // receivers learn snapshot layouts from the configs of their spawns
        }
        SnapshotGroup current = sync != null && sync.config != null ? groupsByConfig.get(sync.config) : null;
        boolean sending = current != null && current.contains(entity);
        if (sync != null) {
            sync.lastSyncSender = -1;
        }
        if (send && !sending) {
            SnapshotGroup group = group(sync.config);
            if (id != null) {
                boolean coded = id.namespace == host.uniqueId() && snapshots.covers(bind(sync.config));
                group.add(entity, id.netId, id.namespace, coded ? SnapshotGroup.NEVER : sync.replicationInterval, sync.deltaInterval,
                        host.tick());
                if (coded) {
                    snapshots.track(entity, id.netId, bind(sync.config));
                }
            } else {
                group.add(entity, pathId, PATH_NAMESPACE, sync.replicationInterval, sync.deltaInterval, host.tick());
                pathSynchronized.add(entity);
                announcePath(entity, host.admittedPeers());
            }
            sync.group = group;
            reserveRecords();
        } else if (!send && sending) {
            current.remove(entity);
            snapshots.untrack(entity);
            sync.group = null;
            pathSynchronized.remove(entity);
        } else if (send) {
            current.intervals(entity, snapshots.tracks(entity) ? SnapshotGroup.NEVER : sync.replicationInterval, sync.deltaInterval);
        }
    }

    /** The sender-side path-cache id of a path-synchronized entity (under the root, named), or -1. */
    private int pathCacheId(int entity) {
        return names.has(entity) ? host.pathCacheIdFor(host.uniqueId(), entity) : -1;
    }

    private void announcePath(int entity, IntList peers) {
        for (int i = 0; i < peers.size(); i++) {
            host.pathCacheIdFor(peers.getInt(i), entity);
        }
    }

    /**
     * A peer joined: announce the paths of path-synchronized entities to it and resend their
     * ON_CHANGE values (spawned entities carry theirs in the spawn).
     */
    public void peerAdded(int peerId) {
        for (IntIterator it = pathSynchronized.iterator(); it.hasNext(); ) {
            int entity = it.nextInt();
            host.pathCacheIdFor(peerId, entity);
            Synchronizer sync = synchronizers.get(entity);
            groupsByConfig.get(sync.config).markAllChanged(entity);
        }
    }

    // ---------------------------------------------------------------- SpawnState

    @Override
    public void write(int entity, Bytes<?> out) {
        Synchronizer sync = synchronizers.get(entity);
        if (sync == null || sync.config == null || authorities.authorityOf(entity) != host.uniqueId()) {
            return;
        }
        BoundConfig b = bind(sync.config);
        writeFresh(b, b.config().spawnProperties(), entity, out);
        writeFresh(b, b.config().onChangeNotSpawnProperties(), entity, out);
    }

    private static void writeFresh(BoundConfig b, int[] properties, int entity, Bytes<?> out) {
        for (int p : properties) {
            long at = out.writePosition();
            out.ensureCapacity(at + b.codec(p).maxEncodedLength());
            int n = b.encode(p, entity, out, at);
            out.writeSkip(n);
        }
    }

    @Override
    public boolean apply(int entity, BytesStore<?, ?> in, long offset, long length) {
        Synchronizer sync = synchronizers.get(entity);
        if (sync == null || sync.config == null) {
            return false;
        }
        BoundConfig b = bind(sync.config);
        int[] spawn = b.config().spawnProperties();
        int[] onChange = b.config().onChangeNotSpawnProperties();
        long limit = offset + length;
        long a = b.measureRun(spawn, 0, spawn.length, in, offset, limit);
        if (a < 0) {
            return false;
        }
        long c = b.measureRun(onChange, 0, onChange.length, in, offset + a, limit);
        if (c < 0 || a + c != length) {
            return false;
        }
        b.applyRun(spawn, 0, spawn.length, entity, in, offset);
        b.applyRun(onChange, 0, onChange.length, entity, in, offset + a);
        return true;
    }

    @Override
    public void identified(int entity) {
        refresh(entity);
        snapshots.identified(entity);
    }

    @Override
    public void forgotten(int entity) {
        snapshots.forgotten(entity);
        Synchronizer sync = synchronizers.get(entity);
        if (sync != null) {
            sync.group = null;
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).remove(entity)) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- sending

    /** End of tick: capture every group once, then send sync and delta packets to the peers that see each entity. */
    public void networkProcess() {
        if (!candidates.isEmpty()) {
            int root = host.rootEntity();
            for (int i = 0; i < candidates.size(); i++) {
                int e = candidates.getInt(i);
                // spawned entities got their NetIdentity meanwhile; the rest are synchronized by path
                if (!identities.has(e) && paths.isWithin(e, root)) {
                    refresh(e);
                }
            }
            candidates.clear();
        }
        long tick = host.tick();
        int me = host.uniqueId();
        int maxSync = host.maxSyncPacketSize();
        int maxDelta = host.maxDeltaPacketSize();
        syncRecords.clear();
        deltaRecords.clear();
        long compared = 0;
        for (int i = 0; i < groups.size(); i++) {
            SnapshotGroup g = groups.get(i);
            compared += g.capture();
            g.emitSync(tick, me, maxSync - SyncMessage.SYNC_HEADER, audience, syncRecords);
            g.emitDeltas(tick, me, maxDelta - SyncMessage.DELTA_HEADER, audience, deltaRecords);
        }
        stats.add(Counter.SYNCHRONIZERS_COMPARED, compared);
        fanout.sendSync(syncRecords, tick, maxSync, sink);
        fanout.sendDelta(deltaRecords, tick, maxDelta, sink);
        snapshots.networkProcess(peers, audience);
    }

    /** Delta-coded snapshots: their settings and figures. */
    public Snapshots snapshots() {
        return snapshots.api();
    }

    /** A delta-coded snapshot arrived (read position after the command byte). */
    public void snapshotReceived(int sender, Bytes<?> in) {
        snapshots.received(sender, in);
    }

    /** A peer acknowledged snapshots (read position after the command byte). */
    public void snapshotAckReceived(int sender, Bytes<?> in) {
        snapshots.ackReceived(sender, in);
    }

    private SnapshotGroup group(ReplicationConfig config) {
        SnapshotGroup g = groupsByConfig.get(config);
        if (g == null) {
            BoundConfig b = bind(config);
            checkFits(b, host.maxSyncPacketSize() - SyncMessage.SYNC_HEADER, ReplicationMode.ALWAYS, "max_sync_packet_size");
            checkFits(b, host.maxDeltaPacketSize() - SyncMessage.DELTA_HEADER, ReplicationMode.ON_CHANGE, "max_delta_packet_size");
            g = new SnapshotGroup(b, tracking, 64);
            groupsByConfig.put(config, g);
            groups.add(g);
        }
        return g;
    }

    private static void checkFits(BoundConfig b, int maxRecord, ReplicationMode mode, String limitName) {
        int changeSet = (b.config().onChangeProperties().length + 7) >>> 3;
        for (int i = 0; i < b.config().size(); i++) {
            if (b.config().property(i).mode() != mode) {
                continue;
            }
            int need = SyncMessage.MAX_RECORD_HEADER + b.codec(i).maxEncodedLength() + (mode == ReplicationMode.ON_CHANGE ? changeSet : 0);
            if (need > maxRecord) {
                throw new IllegalStateException("property " + b.config().property(i).name() + " of config " + b.config().name()
                        + " can take " + need + " bytes with its record header, more than " + limitName + " allows ("
                        + maxRecord + " after the packet header); raise " + limitName + " or lower the property's size cap");
            }
        }
    }

    private BoundConfig bind(ReplicationConfig config) {
        BoundConfig b = bound.get(config);
        if (b == null) {
            b = new BoundConfig(config, world);
            bound.put(config, b);
        }
        return b;
    }

    // ---------------------------------------------------------------- receiving

    /** Validates and applies a SYNC or DELTA packet (read position after the command byte). */
    public void syncReceived(int sender, Bytes<?> in, boolean delta) {
        if (!message.wrap(in, delta)) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        if (!delta && !sequences.accept(sender, message.sequence())) {
            stats.increment(Counter.DROPPED_STALE);
            return;
        }
        int tick = message.tick();
        int next;
        while ((next = message.nextRecord()) == SyncMessage.RECORD) {
            int namespace = message.namespace() < 0 ? sender : message.namespace();
            int entity = recordTarget(sender, namespace, message.netId());
            if (entity >= 0) {
                long at = message.valuesAt();
                if (delta) {
                    applyDelta(entity, tick, in, at, at + message.size());
                } else {
                    applySync(sender, entity, tick, message.partial(), message.first(), in, at, at + message.size());
                }
            }
        }
        if (next == SyncMessage.MALFORMED) {
            stats.increment(Counter.DROPPED_MALFORMED);
        }
    }

    /** The entity a record from {@code sender} may change, or -1 (counted). */
    private int recordTarget(int sender, int namespace, int netId) {
        int entity = namespace == PATH_NAMESPACE ? pathEntity(sender, netId) : directory.entity(namespace, netId);
        if (entity < 0) {
            stats.increment(Counter.DROPPED_UNKNOWN_ID);
            return -1;
        }
        Synchronizer sync = synchronizers.get(entity);
        if (sync == null || sync.config == null) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return -1;
        }
        if (authorities.authorityOf(entity) != sender || sender == host.uniqueId()) {
            stats.increment(Counter.DROPPED_UNAUTHORIZED);
            return -1;
        }
        return entity;
    }

    private int pathEntity(int sender, int cacheId) {
        int entity = host.entityForCacheId(sender, cacheId);
        return entity >= 0 && !identities.has(entity) ? entity : -1;
    }

    private void applySync(int sender, int entity, int tick, boolean partial, int first, BytesStore<?, ?> in, long at, long end) {
        Synchronizer sync = synchronizers.get(entity);
        if (sync.lastSyncSender == sender && tick - (int) sync.lastSyncTick < 0) {
            stats.increment(Counter.DROPPED_STALE);
            return;
        }
        BoundConfig b = bind(sync.config);
        int[] always = b.config().alwaysProperties();
        if (first > always.length || !partial && first != 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        long pos = at;
        int last = first;
        while (pos < end && last < always.length) {
            int n = b.measure(always[last], in, pos, end);
            if (n < 0) {
                stats.increment(Counter.DROPPED_MALFORMED);
                return;
            }
            pos += n;
            last++;
        }
        if (pos != end || !partial && last != always.length || last == first && always.length > 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        b.applyRun(always, first, last, entity, in, at);
        sync.lastSyncTick = tick;
        sync.lastSyncSender = sender;
        stats.increment(Counter.SYNC_RECORDS_APPLIED);
        if (sync.listener != null) {
            sync.listener.onSynchronized(entity, tick & 0xFFFFFFFFL);
        }
    }

    private void applyDelta(int entity, int tick, BytesStore<?, ?> in, long at, long end) {
        Synchronizer sync = synchronizers.get(entity);
        BoundConfig b = bind(sync.config);
        int[] onChange = b.config().onChangeProperties();
        int setBytes = (onChange.length + 7) >>> 3;
        int spareBits = onChange.length & 7;
        if (end - at < setBytes || spareBits != 0 && in.readUnsignedByte(at + setBytes - 1) >>> spareBits != 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        long values = at + setBytes;
        long pos = values;
        int present = 0;
        for (int k = 0; k < onChange.length; k++) {
            if ((in.readUnsignedByte(at + (k >>> 3)) & 1 << (k & 7)) == 0) {
                continue;
            }
            int n = b.measure(onChange[k], in, pos, end);
            if (n < 0) {
                stats.increment(Counter.DROPPED_MALFORMED);
                return;
            }
            pos += n;
            present++;
        }
        if (pos != end || present == 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        pos = values;
        for (int k = 0; k < onChange.length; k++) {
            if ((in.readUnsignedByte(at + (k >>> 3)) & 1 << (k & 7)) != 0) {
                int n = b.measure(onChange[k], in, pos, end);
                b.apply(onChange[k], entity, in, pos);
                pos += n;
            }
        }
        stats.increment(Counter.DELTA_RECORDS_APPLIED);
        if (sync.listener != null) {
            sync.listener.onDeltaSynchronized(entity, tick & 0xFFFFFFFFL);
        }
    }

    /** A peer left: forget its sync stream. */
    public void peerRemoved(int peerId) {
        sequences.forget(peerId);
        fanout.peerRemoved(peerId);
        snapshots.peerRemoved(peerId);
    }

    /** Forgets streams (the groups empty themselves as entities are forgotten). */
    public void reset() {
        sequences.clear();
        snapshots.reset();
    }

    @Override
    public void close() {
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).close();
        }
        syncRecords.close();
        deltaRecords.close();
        fanout.close();
        snapshots.close();
    }
}

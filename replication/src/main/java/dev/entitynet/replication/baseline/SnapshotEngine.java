package dev.entitynet.replication.baseline;

import com.artemis.ComponentMapper;
import com.artemis.World;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.interpolation.Interpolation;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.snapshot.BoundConfig;
import dev.entitynet.replication.spawn.NetIdDirectory;
import dev.entitynet.replication.spawn.NetIdentity;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import java.util.function.Function;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Runs delta-coded snapshots for one SceneReplication (internal: the synchronizer system drives
 * it; users configure it through {@link Snapshots}). As a sender it captures its snapshot-coded
 * entities once per tick and writes each peer its packet; as a receiver it decodes, applies the
 * newest values, feeds interpolation and acknowledges once per tick.
 */
public final class SnapshotEngine implements AutoCloseable {
    private final ReplicationHost host;
    private final NetIdDirectory directory;
    private final ReplicationStats stats;
    private final Authorities authorities;
    private final ComponentMapper<Synchronizer> synchronizers;
    private final ComponentMapper<NetIdentity> identities;
    private final Function<ReplicationConfig, BoundConfig> binder;
    private final SchemaRegistry schemas = new SchemaRegistry();
    private final SnapshotSource source = new SnapshotSource();
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final AckWire ack = new AckWire();
    private final Int2ObjectOpenHashMap<OutgoingStream> outgoing = new Int2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<IncomingStream> incoming = new Int2ObjectOpenHashMap<>();
    private final Bytes<Void> packet = Bytes.allocateElasticDirect(2048);
    private final Snapshots api;
    private final InterpolationTargets targets = new InterpolationTargets();
    private float[] values = new float[16];

    /**
     * @param binder the synchronizer system's bound config for a config (one per config)
     */
    public SnapshotEngine(World world, ReplicationHost host, NetIdDirectory directory, ReplicationStats stats,
                          Function<ReplicationConfig, BoundConfig> binder) {
        this.host = host;
        this.directory = directory;
        this.stats = stats;
        this.binder = binder;
        this.authorities = world.getSystem(Authorities.class);
        this.synchronizers = world.getMapper(Synchronizer.class);
        this.identities = world.getMapper(NetIdentity.class);
        this.api = new Snapshots(this);
    }

    /** The user's settings and figures. */
    public Snapshots api() {
        return api;
    }

    /** Whether {@code bound}'s config is snapshot-coded (all ALWAYS properties quantized); registers it. */
    public boolean covers(BoundConfig bound) {
        return schemas.schemaOf(bound) != null;
    }

    /** Whether {@code config} is snapshot-coded. */
    boolean covers(ReplicationConfig config) {
        return covers(binder.apply(config));
    }

    /** Sends {@code entity}'s ALWAYS values in snapshots from now on ({@code bound} must be snapshot-coded). */
    public void track(int entity, int netId, BoundConfig bound) {
        source.add(entity, netId, schemas.schemaOf(bound));
    }

    /** Stops sending {@code entity}; false when it was not sent. */
    public boolean untrack(int entity) {
        return source.remove(entity);
    }

    /** Whether {@code entity} is sent in snapshots. */
    public boolean tracks(int entity) {
        return source.contains(entity);
    }

    InterpolationTargets targets() {
        return targets;
    }

    // ---------------------------------------------------------------- sending

    /** End of tick: capture, then one snapshot per admitted peer that sees a change, then the acknowledgements this side owes. */
    public void networkProcess(PeerSlots slots, Audience audience) {
        if (source.count > 0 || !outgoing.isEmpty()) {
            source.capture();
            IntList peers = host.admittedPeers();
            int maxPacket = host.maxSyncPacketSize();
            int budget = api.budget() > 0 ? api.budget() : maxPacket;
            for (int i = 0; i < peers.size(); i++) {
                int peer = peers.getInt(i);
                int slot = slots.slotOf(peer);
                if (slot >= 0) {
                    sendTo(peer, slot, audience, budget, maxPacket);
                }
            }
        }
        sendAcks();
    }

    private void sendTo(int peer, int slot, Audience audience, int budget, int maxPacket) {
        OutgoingStream out = outgoing.get(peer);
        if (out == null) {
            out = new OutgoingStream(peer);
            outgoing.put(peer, out);
        }
        if (!encoder.encode(source, schemas, out, slot, audience, api.priority(), host.tick(), budget, maxPacket, packet)) {
            return;
        }
        int entries = encoder.entriesWritten;
        long bytes = packet.readRemaining();
        SendResult result = host.sendPacket(peer, TransferMode.UNRELIABLE, 0, packet);
        if (result == SendResult.SENT) {
            out.packets++;
            out.bytes += bytes;
            out.entries += entries;
            stats.increment(Counter.SNAPSHOTS_SENT);
            stats.add(Counter.SNAPSHOT_ENTRIES_SENT, entries);
        } else {
            stats.increment(Counter.SNAPSHOTS_REFUSED); // the frame stays unacknowledged: nothing codes against it
        }
    }

    private void sendAcks() {
        if (incoming.isEmpty()) {
            return;
        }
        long now = host.clock().nanoTime();
        for (ObjectIterator<IncomingStream> it = incoming.values().iterator(); it.hasNext(); ) {
            IncomingStream in = it.next();
            if (in.ackDue) {
                AckWire.write(packet, in.newest, in.history);
                host.sendPacket(in.senderId, TransferMode.UNRELIABLE, 0, packet);
                in.acknowledged(now);
            }
        }
    }

    /** A peer acknowledged snapshots; acknowledgements of snapshots never sent are dropped and counted. */
    public void ackReceived(int sender, Bytes<?> in) {
        OutgoingStream out = outgoing.get(sender);
        if (!ack.read(in)) {
            stats.increment(Counter.DROPPED_MALFORMED);
        } else if (out == null || !out.acknowledge(ack.newest16, ack.history)) {
            stats.increment(Counter.DROPPED_BAD_ACK);
        }
    }

    // ---------------------------------------------------------------- receiving

    /** A snapshot arrived: decode it against the baseline it names, apply what it carries, owe an acknowledgement. */
    public void received(int sender, Bytes<?> in) {
        IncomingStream stream = incoming.get(sender);
        if (stream == null) {
            stream = new IncomingStream(sender);
            incoming.put(sender, stream);
        }
        int result = decoder.decode(stream, schemas, in, in.readPosition(), in.readRemaining());
        switch (result) {
            case SnapshotDecoder.OK -> applied(stream);
            case SnapshotDecoder.STALE -> stats.increment(Counter.DROPPED_STALE);
            case SnapshotDecoder.NO_BASELINE -> stats.increment(Counter.DROPPED_NO_BASELINE);
            case SnapshotDecoder.UNKNOWN_SCHEMA -> stats.increment(Counter.DROPPED_UNKNOWN_SCHEMA);
            default -> stats.increment(Counter.DROPPED_MALFORMED);
        }
    }

    private void applied(IncomingStream stream) {
        Frame frame = decoder.decoded;
        stream.arrived(frame.seq, frame.tick);
        stats.increment(Counter.SNAPSHOTS_APPLIED);
        Interpolation interpolation = api.interpolation();
        if (interpolation != null) {
            long now = host.clock().nanoTime();
            interpolation.clock().snapshotArrived(frame.tick);
            long rtt = decoder.baselineSeq < 0 ? -1 : stream.roundTrip(decoder.baselineSeq, now);
            if (rtt >= 0) {
                interpolation.clock().roundTrip(rtt);
            }
        }
        boolean newest = frame.seq > stream.applied;
        if (newest) {
            stream.applied = frame.seq;
        }
        for (int k = 0; k < decoder.explicitCount; k++) {
            apply(stream.senderId, frame, decoder.explicit[k], newest, interpolation);
        }
    }

    private void apply(int sender, Frame frame, int i, boolean newest, Interpolation interpolation) {
        int entity = directory.entity(sender, frame.netIds[i]);
        if (entity < 0) {
            return; // its spawn has not arrived yet: identified() applies the newest codes then
        }
        SnapshotSchema s = schemaOf(entity);
        if (s == null || s.index != frame.schemas[i]) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        if (authorities.authorityOf(entity) != sender) {
            stats.increment(Counter.DROPPED_UNAUTHORIZED);
            return;
        }
        int at = frame.codeAt[i];
        if (newest) {
            s.apply(entity, frame.codes, at);
            stats.increment(Counter.SNAPSHOT_ENTRIES_APPLIED);
            Synchronizer sync = synchronizers.get(entity);
            if (sync.listener != null) {
                sync.listener.onSynchronized(entity, frame.tick);
            }
        }
        if (interpolation != null) {
            feed(interpolation, s, entity, frame, at);
        }
    }

    private void feed(Interpolation interpolation, SnapshotSchema s, int entity, Frame frame, int at) {
        int[] perProperty = targets.of(s.bound.config(), interpolation);
        if (perProperty == null) {
            return;
        }
        for (int p = 0; p < s.propertyCount(); p++) {
            int target = perProperty[p];
            if (target < 0) {
                continue;
            }
            int dims = s.codec(p).dimensions();
            if (values.length < dims) {
                values = new float[dims];
            }
            s.codec(p).dequantize(frame.codes, at + s.laneAt[p], values, 0);
            interpolation.received(entity, target, frame.tick, values, 0, false);
        }
    }

    private SnapshotSchema schemaOf(int entity) {
        Synchronizer sync = synchronizers.get(entity);
        return sync == null || sync.config == null ? null : schemas.schemaOf(binder.apply(sync.config));
    }

    /** A spawn was applied here: give the entity the newest codes the stream holds for it, if any arrived first. */
    public void identified(int entity) {
        NetIdentity id = identities.get(entity);
        IncomingStream stream = id == null ? null : incoming.get(id.namespace);
        Frame newest = stream == null || !stream.started() ? null : stream.received.find(stream.newest);
        SnapshotSchema s = newest == null ? null : schemaOf(entity);
        int i = s == null ? -1 : newest.find(id.netId);
        if (i >= 0 && newest.schemas[i] == s.index && authorities.authorityOf(entity) == stream.senderId) {
            s.apply(entity, newest.codes, newest.codeAt[i]);
        }
    }

    /** The entity left this World's replication (despawned, destroyed). */
    public void forgotten(int entity) {
        untrack(entity);
        Interpolation interpolation = api.interpolation();
        if (interpolation != null) {
            interpolation.removed(entity);
        }
    }

    /** A peer left: forget both streams with it. */
    public void peerRemoved(int peerId) {
        outgoing.remove(peerId);
        incoming.remove(peerId);
    }

    /** Forgets every stream (a new session). */
    public void reset() {
        outgoing.clear();
        incoming.clear();
    }

    /** Bytes, packets and entries sent to {@code peerId}: 0 when none. */
    long sent(int peerId, int what) {
        OutgoingStream out = outgoing.get(peerId);
        if (out == null) {
            return 0;
        }
        return what == 0 ? out.bytes : what == 1 ? out.packets : out.entries;
    }

    @Override
    public void close() {
        packet.releaseLast();
    }
}

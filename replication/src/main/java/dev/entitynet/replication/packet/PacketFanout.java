package dev.entitynet.replication.packet;

import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.wire.SyncMessage;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Cuts a tick's records into packets and sends them to each peer; nothing is encoded twice. When
 * every record may go to every peer (the usual public case without interest management) the
 * packets are built once and sent to all, only the 4-byte stream sequence patched per peer.
 * Otherwise the records are regrouped by interest cell once ({@link CellRuns}) and each peer's
 * packets are assembled from the cells it keeps, copying the longest runs of records it may get:
 * the work per peer follows the records in its view, not the records of the tick.
 *
 * <p>SYNC packets go UNRELIABLE, DELTA packets RELIABLE; their layout is {@link SyncMessage}'s.
 */
public final class PacketFanout implements AutoCloseable {
    private final PeerSlots peers;
    private final ObjectArrayList<Bytes<Void>> shared = new ObjectArrayList<>();
    private final Bytes<Void> single = Bytes.allocateElasticDirect(2048);
    private final Int2IntOpenHashMap nextSequence = new Int2IntOpenHashMap();
    private final CellRuns runs = new CellRuns();
    private Audience audience;
    private CellIndex cells = CellIndex.NONE;
    private int sharedCount;
    private long packetsSent;
    private long bytesSent;
    // the packet being assembled for one peer
    private PacketSink sink;
    private int peer;
    private boolean sync;
    private long tick;
    private int maxPacket;
    private boolean open;

    /** A fan-out to the peers in {@code peers}, who see what {@code audience} says. */
    public PacketFanout(PeerSlots peers, Audience audience) {
        this.peers = peers;
        this.audience = audience;
    }

    /** Changes who may receive what. */
    public void audience(Audience newAudience) {
        this.audience = newAudience;
    }

    /** Groups records by interest cell from now on ({@link CellIndex#NONE}: no grouping). */
    public void cells(CellIndex index) {
        this.cells = index;
    }

    /** Makes room for {@code records} records per tick, so ticks never grow the fan-out's arrays. */
    public void reserveRecords(int records) {
        runs.reserveRecords(records);
    }

    /** Sends {@code records} as SYNC packets of at most {@code maxPacket} bytes to each peer that may see them. */
    public void sendSync(RecordStream records, long tick, int maxPacket, PacketSink sink) {
        send(records, tick, true, maxPacket, sink);
    }

    /** Sends {@code records} as DELTA packets of at most {@code maxPacket} bytes to each peer that may see them. */
    public void sendDelta(RecordStream records, long tick, int maxPacket, PacketSink sink) {
        send(records, tick, false, maxPacket, sink);
    }

    /** Forgets {@code peerId}'s stream sequence (it left). */
    public void peerRemoved(int peerId) {
        nextSequence.remove(peerId);
    }

    /** Packets handed to the sink so far. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Bytes handed to the sink so far. */
    public long bytesSent() {
        return bytesSent;
    }

    private void send(RecordStream records, long tickNow, boolean syncPackets, int limit, PacketSink to) {
        if (records.size() == 0 || peers.bound() == 0) {
            return;
        }
        this.sink = to;
        this.sync = syncPackets;
        this.tick = tickNow;
        this.maxPacket = limit;
        if (records.allVisibleToAll()) {
            sendShared(records);
            return;
        }
        runs.build(records, cells);
        // Room for the largest packet now: growing an elastic buffer mid-tick allocates (Chronicle's resize path).
        single.ensureCapacity(maxPacket);
        for (int slot = 0, bound = peers.bound(); slot < bound; slot++) {
            peer = peers.peerAt(slot);
            if (peer == 0) {
                continue;
            }
            open = false;
            for (int i = 0, n = cells.cellsKept(slot); i < n; i++) {
                int group = runs.groupOf(cells.cellKept(slot, i));
                if (group >= 0) {
                    appendVisible(group, slot);
                }
            }
            if (runs.unplaced() >= 0) {
                appendVisible(runs.unplaced(), slot);
            }
            if (open) {
                deliver(single);
            }
        }
    }

    /** Appends the records of {@code group} the peer in {@code slot} may get, in the longest runs that fit. */
    private void appendVisible(int group, int slot) {
        int r = runs.first(group);
        int end = runs.end(group);
        while (r < end) {
            if (!audience.visibleToSlot(runs.entity(r), slot)) {
                r++;
                continue;
            }
            long runStart = runs.start(r);
            long room = open ? maxPacket - single.writePosition() : maxPacket - headerLength();
            int last = r;
            while (last < end && runs.endOf(last) - runStart <= room && audience.visibleToSlot(runs.entity(last), slot)) {
                last++;
            }
            if (last == r) {
                deliver(single); // the next record needs a fresh packet
                open = false;
                continue;
            }
            if (!open) {
                SyncMessage.startPacket(single, !sync, tick, sync ? nextSequence(peer) : 0);
                open = true;
            }
            single.write(runs.data(), runStart, runs.endOf(last - 1) - runStart);
            r = last;
        }
    }

    private void sendShared(RecordStream records) {
        sharedCount = 0;
        int room = maxPacket - headerLength();
        int r = 0;
        while (r < records.size()) {
            long runStart = records.start(r);
            int end = r + 1; // every record fits an empty packet on its own
            while (end < records.size() && records.end(end) - runStart <= room) {
                end++;
            }
            Bytes<Void> packet = sharedPacket(sharedCount++);
            SyncMessage.startPacket(packet, !sync, tick, 0);
            packet.write(records.data(), runStart, records.end(end - 1) - runStart);
            r = end;
        }
        for (int slot = 0, bound = peers.bound(); slot < bound; slot++) {
            peer = peers.peerAt(slot);
            if (peer == 0) {
                continue;
            }
            for (int p = 0; p < sharedCount; p++) {
                Bytes<Void> packet = shared.get(p);
                if (sync) {
                    SyncMessage.patchSequence(packet, nextSequence(peer));
                }
                deliver(packet);
            }
        }
    }

    private int headerLength() {
        return SyncMessage.headerLength(!sync);
    }

    private Bytes<Void> sharedPacket(int index) {
        while (shared.size() <= index) {
            shared.add(Bytes.allocateElasticDirect(maxPacket));
        }
        Bytes<Void> packet = shared.get(index);
        packet.ensureCapacity(maxPacket);
        return packet;
    }

    private int nextSequence(int peerId) {
        return nextSequence.addTo(peerId, 1); // the value before: 0 for a new peer
    }

    private void deliver(Bytes<Void> packet) {
        packetsSent++;
        bytesSent += packet.readRemaining();
        sink.send(peer, sync ? TransferMode.UNRELIABLE : TransferMode.RELIABLE, packet);
    }

    @Override
    public void close() {
        for (int i = 0; i < shared.size(); i++) {
            shared.get(i).releaseLast();
        }
        shared.clear();
        single.releaseLast();
        runs.close();
    }
}

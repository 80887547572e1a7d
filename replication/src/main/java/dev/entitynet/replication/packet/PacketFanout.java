package dev.entitynet.replication.packet;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.replication.visibility.Audience;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Cuts a tick's records into packets and sends them to each peer. When every record may go to
 * every peer (the usual public case) the packets are built once and sent to all, only the 4-byte
 * stream sequence patched per peer; otherwise each peer's packets are assembled from the shared
 * records, skipping those it cannot see. Either way nothing is encoded twice.
 *
 * <p>SYNC packets: {@code [0x06][u32 tick][u32 sequence][records]}, UNRELIABLE. DELTA packets:
 * {@code [0x16][u32 tick][records]}, RELIABLE. Layouts in docs/replication-protocol.md.
 */
public final class PacketFanout implements AutoCloseable {
    /** Bytes before the first record of a SYNC packet. */
    public static final int SYNC_HEADER = 9;
    /** Bytes before the first record of a DELTA packet. */
    public static final int DELTA_HEADER = 5;

    private final ObjectArrayList<Bytes<Void>> shared = new ObjectArrayList<>();
    private final Bytes<Void> single = Bytes.allocateElasticDirect(2048);
    private final Int2IntOpenHashMap nextSequence = new Int2IntOpenHashMap();
    private int sharedCount;
    private long packetsSent;
    private long bytesSent;

    /** Sends {@code records} as SYNC packets of at most {@code maxPacket} bytes to each peer that may see them. */
    public void sendSync(RecordStream records, long tick, IntList peers, Audience audience, int maxPacket, PacketSink sink) {
        send(records, tick, true, peers, audience, maxPacket, sink);
    }

    /** Sends {@code records} as DELTA packets of at most {@code maxPacket} bytes to each peer that may see them. */
    public void sendDelta(RecordStream records, long tick, IntList peers, Audience audience, int maxPacket, PacketSink sink) {
        send(records, tick, false, peers, audience, maxPacket, sink);
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

    private void send(RecordStream records, long tick, boolean sync, IntList peers, Audience audience, int maxPacket, PacketSink sink) {
        if (records.size() == 0 || peers.isEmpty()) {
            return;
        }
        TransferMode mode = sync ? TransferMode.UNRELIABLE : TransferMode.RELIABLE;
        if (records.allVisibleToAll()) {
            buildShared(records, tick, sync, maxPacket);
            for (int i = 0; i < peers.size(); i++) {
                int peer = peers.getInt(i);
                for (int p = 0; p < sharedCount; p++) {
                    Bytes<Void> packet = shared.get(p);
                    if (sync) {
                        packet.writeInt(5, nextSequence(peer));
                    }
                    deliver(sink, peer, mode, packet);
                }
            }
            return;
        }
        // Room for the largest packet now: growing an elastic buffer mid-tick allocates (Chronicle's resize path).
        single.ensureCapacity(maxPacket);
        for (int i = 0; i < peers.size(); i++) {
            int peer = peers.getInt(i);
            boolean open = false;
            int r = 0;
            while (r < records.size()) {
                if (!audience.visibleTo(records.entity(r), peer)) {
                    r++;
                    continue;
                }
                // copy the longest run of consecutive visible records that fits in one go
                long runStart = records.start(r);
                int end = r;
                long room = open ? maxPacket - single.writePosition() : maxPacket - headerLength(sync);
                while (end < records.size() && audience.visibleTo(records.entity(end), peer)
                        && records.end(end) - runStart <= room) {
                    end++;
                }
                if (end == r) {
                    deliver(sink, peer, mode, single); // the next record needs a fresh packet
                    open = false;
                    continue;
                }
                if (!open) {
                    startPacket(single, tick, sync, sync ? nextSequence(peer) : 0);
                    open = true;
                }
                single.write(records.data(), runStart, records.end(end - 1) - runStart);
                r = end;
            }
            if (open) {
                deliver(sink, peer, mode, single);
            }
        }
    }

    private void buildShared(RecordStream records, long tick, boolean sync, int maxPacket) {
        sharedCount = 0;
        int room = maxPacket - headerLength(sync);
        int r = 0;
        while (r < records.size()) {
            long runStart = records.start(r);
            int end = r + 1; // every record fits an empty packet on its own
            while (end < records.size() && records.end(end) - runStart <= room) {
                end++;
            }
            Bytes<Void> packet = sharedPacket(sharedCount++, maxPacket);
            startPacket(packet, tick, sync, 0);
            packet.write(records.data(), runStart, records.end(end - 1) - runStart);
            r = end;
        }
    }

    private static int headerLength(boolean sync) {
        return sync ? SYNC_HEADER : DELTA_HEADER;
    }

    private Bytes<Void> sharedPacket(int index, int maxPacket) {
        while (shared.size() <= index) {
            shared.add(Bytes.allocateElasticDirect(maxPacket));
        }
        Bytes<Void> packet = shared.get(index);
        packet.ensureCapacity(maxPacket);
        return packet;
    }

    private static void startPacket(Bytes<Void> packet, long tick, boolean sync, int sequence) {
        packet.clear();
        packet.writeByte((byte) (sync ? Command.SYNC : Command.SYNC | Command.FLAG_DELTA));
        packet.writeInt((int) tick);
        if (sync) {
            packet.writeInt(sequence);
        }
    }

    private int nextSequence(int peer) {
        return nextSequence.addTo(peer, 1); // the value before: 0 for a new peer
    }

    private void deliver(PacketSink sink, int peer, TransferMode mode, Bytes<Void> packet) {
        packetsSent++;
        bytesSent += packet.readRemaining();
        sink.send(peer, mode, packet);
    }

    @Override
    public void close() {
        for (int i = 0; i < shared.size(); i++) {
            shared.get(i).releaseLast();
        }
        shared.clear();
        single.releaseLast();
    }
}

package dev.entitynet.replication.packet;

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
    /** SYNC command byte. */
    public static final int SYNC = 6;
    /** DELTA flag on the SYNC command byte. */
    public static final int DELTA_FLAG = 0x10;
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
        for (int i = 0; i < peers.size(); i++) {
            int peer = peers.getInt(i);
            boolean open = false;
            for (int r = 0; r < records.size(); r++) {
                if (!audience.visibleTo(records.entity(r), peer)) {
                    continue;
                }
                int len = records.length(r);
                if (open && single.writePosition() + len > maxPacket) {
                    deliver(sink, peer, mode, single);
                    open = false;
                }
                if (!open) {
                    startPacket(single, tick, sync, sync ? nextSequence(peer) : 0);
                    open = true;
                }
                single.write(records.data(), records.start(r), len);
            }
            if (open) {
                deliver(sink, peer, mode, single);
            }
        }
    }

    private void buildShared(RecordStream records, long tick, boolean sync, int maxPacket) {
        sharedCount = 0;
        Bytes<Void> packet = null;
        for (int r = 0; r < records.size(); r++) {
            int len = records.length(r);
            if (packet == null || packet.writePosition() + len > maxPacket) {
                packet = sharedPacket(sharedCount++);
                startPacket(packet, tick, sync, 0);
            }
            packet.write(records.data(), records.start(r), len);
        }
    }

    private Bytes<Void> sharedPacket(int index) {
        while (shared.size() <= index) {
            shared.add(Bytes.allocateElasticDirect(2048));
        }
        return shared.get(index);
    }

    private static void startPacket(Bytes<Void> packet, long tick, boolean sync, int sequence) {
        packet.clear();
        packet.writeByte((byte) (sync ? SYNC : SYNC | DELTA_FLAG));
        packet.writeInt((int) tick);
        if (sync) {
            packet.writeInt(sequence);
        }
    }

    private int nextSequence(int peer) {
        int seq = nextSequence.get(peer);
        nextSequence.put(peer, seq + 1);
        return seq;
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

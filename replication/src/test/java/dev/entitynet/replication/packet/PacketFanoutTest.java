package dev.entitynet.replication.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.wire.SyncMessage;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.core.UnsafeMemory;
import org.junit.jupiter.api.Test;

class PacketFanoutTest {
    /** A packet as the sink saw it. */
    record Sent(int peer, TransferMode mode, int length, int tick, int sequence, int records) {
    }

    /** Peers 2 and 3, in slots 0 and 1. */
    private static PeerSlots peers() {
        PeerSlots slots = new PeerSlots();
        slots.add(2);
        slots.add(3);
        return slots;
    }

    /** Even entities are visible to peer 2 only; odd ones to everyone. */
    private static final Audience EVEN_FOR_TWO = new Audience() {
        @Override
        public boolean visibleTo(int entity, int peerId) {
            return entity % 2 == 1 || peerId == 2;
        }

        @Override
        public boolean visibleToSlot(int entity, int slot) {
            return entity % 2 == 1 || slot == 0;
        }

        @Override
        public boolean visibleToAll(int entity) {
            return entity % 2 == 1;
        }

        @Override
        public boolean visibleToAny(int entity) {
            return true;
        }
    };

    private static void append(RecordStream stream, int value, int size) {
        long at = stream.reserve(size);
        for (int i = 0; i < size; i++) {
            UnsafeMemory.MEMORY.writeByte(at + i, (byte) value);
        }
        stream.commit(size);
    }

    private static RecordStream records(int count, int size) {
        RecordStream stream = new RecordStream();
        for (int e = 0; e < count; e++) {
            stream.beginRecord(e, EVEN_FOR_TWO.visibleToAll(e));
            append(stream, e, size);
        }
        return stream;
    }

    private static List<Sent> run(RecordStream stream, boolean sync, PacketFanout fanout) {
        List<Sent> sent = new ArrayList<>();
        PacketSink sink = (peer, mode, packet) -> {
            int header = sync ? SyncMessage.SYNC_HEADER : SyncMessage.DELTA_HEADER;
            long at = packet.readPosition();
            sent.add(new Sent(peer, mode, (int) packet.readRemaining(), packet.readInt(at + 1),
                    sync ? packet.readInt(at + 5) : -1, ((int) packet.readRemaining() - header) / 10));
            return SendResult.SENT;
        };
        if (sync) {
            fanout.sendSync(stream, 77, 128, sink);
        } else {
            fanout.sendDelta(stream, 77, 128, sink);
        }
        return sent;
    }

    @Test
    void recordsArePackedIntoPacketsNoLargerThanTheLimitFilteredPerPeer() {
        try (RecordStream stream = records(100, 10); PacketFanout fanout = new PacketFanout(peers(), EVEN_FOR_TWO)) {
            List<Sent> sent = run(stream, true, fanout);
            int forTwo = 0;
            int forThree = 0;
            int sequenceOfThree = 0;
            for (Sent s : sent) {
                assertTrue(s.length() <= 128, "packet of " + s.length());
                assertEquals(TransferMode.UNRELIABLE, s.mode());
                assertEquals(77, s.tick());
                if (s.peer() == 2) {
                    forTwo += s.records();
                } else {
                    assertEquals(sequenceOfThree++, s.sequence(), "per-peer stream sequence, +1 per packet");
                    forThree += s.records();
                }
            }
            assertEquals(100, forTwo, "peer 2 sees everything");
            assertEquals(50, forThree, "peer 3 sees the odd half");
            assertEquals(sent.stream().mapToLong(Sent::length).sum(), fanout.bytesSent());
            assertEquals(sent.size(), fanout.packetsSent());
        }
    }

    @Test
    void publicRecordsShareOnePacketSetWithTheSequencePatchedPerPeer() {
        try (RecordStream stream = new RecordStream(); PacketFanout fanout = new PacketFanout(peers(), EVEN_FOR_TWO)) {
            for (int e = 1; e < 60; e += 2) {
                stream.beginRecord(e, true);
                append(stream, e, 10);
            }
            List<Sent> first = run(stream, true, fanout);
            List<Sent> second = run(stream, false, fanout);
            assertEquals(first.size() / 2, first.stream().filter(s -> s.peer() == 2).count(), "same packets for both peers");
            assertEquals(first.get(first.size() / 2 - 1).sequence() + 1, run(stream, true, fanout).stream()
                    .filter(s -> s.peer() == 2).findFirst().orElseThrow().sequence(), "sequences continue across ticks");
            assertTrue(second.stream().allMatch(s -> s.mode() == TransferMode.RELIABLE && s.sequence() == -1));
        }
    }

    @Test
    void withCellsEachPeerGetsTheVisibleRecordsOfTheCellsItKeepsAndOfEntitiesInNoCell() {
        // entity e < 90 is in cell e % 10, the rest in none; peer 2 keeps cells 0 and 1, peer 3 cell 5
        CellIndex cells = new CellIndex() {
            @Override
            public int cellCount() {
                return 10;
            }

            @Override
            public int cellOf(int entity) {
                return entity < 90 ? entity % 10 : -1;
            }

            @Override
            public int cellsKept(int slot) {
                return slot == 0 ? 2 : 1;
            }

            @Override
            public int cellKept(int slot, int i) {
                return slot == 0 ? i : 5;
            }
        };
        Audience allBut11ForTwo = new Audience() {
            @Override
            public boolean visibleTo(int entity, int peerId) {
                return entity != 11 || peerId != 2;
            }

            @Override
            public boolean visibleToSlot(int entity, int slot) {
                return entity != 11 || slot != 0;
            }

            @Override
            public boolean visibleToAll(int entity) {
                return false;
            }

            @Override
            public boolean visibleToAny(int entity) {
                return true;
            }
        };
        try (RecordStream stream = new RecordStream(); PacketFanout fanout = new PacketFanout(peers(), allBut11ForTwo)) {
            for (int e = 0; e < 100; e++) {
                stream.beginRecord(e, false);
                append(stream, e, 10);
            }
            fanout.cells(cells);
            java.util.Map<Integer, java.util.TreeSet<Integer>> received = new java.util.HashMap<>();
            fanout.sendDelta(stream, 5, 128, (peer, mode, packet) -> {
                for (long at = packet.readPosition() + SyncMessage.DELTA_HEADER; at < packet.readLimit(); at += 10) {
                    received.computeIfAbsent(peer, k -> new java.util.TreeSet<>()).add((int) packet.readByte(at));
                }
                assertTrue(packet.readRemaining() <= 128);
                return SendResult.SENT;
            });
            java.util.TreeSet<Integer> forTwo = new java.util.TreeSet<>();
            java.util.TreeSet<Integer> forThree = new java.util.TreeSet<>();
            for (int e = 0; e < 100; e++) {
                if (e >= 90 || e % 10 <= 1 && e != 11) {
                    forTwo.add(e);
                }
                if (e >= 90 || e % 10 == 5) {
                    forThree.add(e);
                }
            }
            assertEquals(forTwo, received.get(2));
            assertEquals(forThree, received.get(3));
        }
    }
}

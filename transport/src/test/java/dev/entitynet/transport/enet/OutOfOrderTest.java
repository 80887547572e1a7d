package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.sim.SimNetwork;
import dev.entitynet.transport.enet.sim.SimNode;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static dev.entitynet.transport.enet.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data that arrives ahead of its turn costs bounded work per command however much a peer has
 * queued (measured by {@link EnetEngineStats#orderingSteps()}, never by time), is capped per peer,
 * and a reliable command over the cap is left unacknowledged so an honest sender's retransmission
 * gets it delivered later.
 */
class OutOfOrderTest {
    /** Ordering steps one command or one delivered packet may cost: a few hash probes. */
    static final int STEPS_PER_ITEM = 16;

    /** A SEND_RELIABLE whose 2-byte payload is its sequence number. */
    static String reliable(int channel, int sequence) {
        return String.format("86%02x%04x0002%04x", channel, sequence, sequence);
    }

    /** A SEND_UNRELIABLE of epoch {@code reliableSequence}, 2-byte payload. */
    static String unreliable(int channel, int reliableSequence, int unreliableSequence) {
        return String.format("07%02x%04x%04x0002%04x", channel, reliableSequence, unreliableSequence, unreliableSequence);
    }

    @Test
    void thirtyThousandQueuedCommandsAndDuplicatesNearTheHeadCostBoundedWorkPerDatagram() {
        // the old 32 MiB per peer, so the whole flood is queued and the queue is as long as it gets
        EnetConfig config = EnetConfig.defaults().withMaxOutOfOrderBytesPerPeer(32 * 1024 * 1024);
        try (ServerAndClients s = new ServerAndClients(config, EnetConfig.defaults(), 2)) {
            EnetEngineStats stats = s.server.stats();
            int attacker = 1;
            long worst = 0;
            // 30,000 reliable commands on two channels, all after a sequence number 1 that is withheld
            for (int sequence = 2; sequence < 15_002; sequence += 30) {
                for (int channel = 0; channel < 2; channel++) {
                    StringBuilder d = new StringBuilder(s.header(attacker));
                    for (int k = 0; k < 30; k++) {
                        d.append(reliable(channel, sequence + k));
                    }
                    worst = Math.max(worst, perItem(s, attacker, d.toString(), 30));
                }
            }
            assertEquals(30_000, s.server.incomingCommandsInUse(), stats.toString());
            // duplicates of the commands nearest the head, over and over, while the honest client talks
            for (int round = 0; round < 2_000; round++) {
                StringBuilder d = new StringBuilder(s.header(attacker));
                for (int k = 0; k < 32; k++) {
                    d.append(reliable(round & 1, 2 + k));
                }
                worst = Math.max(worst, perItem(s, attacker, d.toString(), 32));
                if (round % 100 == 0) {
                    s.send(0, 0, EnetPacketFlags.RELIABLE, new byte[]{(byte) round, 1, 2});
                    long before = stats.orderingSteps();
                    long delivered = stats.packetsReceived();
                    s.exchange();
                    // the honest client's datagrams cost the same few steps as on an idle server
                    worst = Math.max(worst, (stats.orderingSteps() - before) / Math.max(1, stats.packetsReceived() - delivered));
                    assertEquals(1, s.takeReceived(0).size(), "round " + round);
                }
            }
            // the withheld command: all 15,000 queued on channel 0 are delivered, in order
            worst = Math.max(worst, perItem(s, attacker, s.header(attacker) + reliable(0, 1), 1));
            s.exchange();
            List<byte[]> received = s.takeReceived(attacker);
            assertEquals(15_001, received.size());
            for (int i = 0; i < received.size(); i++) {
                assertArrayEquals(new byte[]{(byte) ((i + 1) >> 8), (byte) (i + 1)}, received.get(i), "packet " + i);
            }
            assertTrue(worst <= STEPS_PER_ITEM, "a command or delivery cost " + worst + " ordering steps");
            assertEquals(0, stats.dropped(DropReason.INTERNAL_ERROR), String.valueOf(s.server.lastInternalError()));
        }
    }

    /** Feeds a datagram of {@code commands} commands; returns the ordering steps per command or delivered packet it cost. */
    private static long perItem(ServerAndClients s, int client, String datagram, int commands) {
        EnetEngineStats stats = s.server.stats();
        long before = stats.orderingSteps();
        long delivered = stats.packetsReceived();
        s.forge(client, hex(datagram));
        return (stats.orderingSteps() - before) / (commands + stats.packetsReceived() - delivered);
    }

    @Test
    void unreliablePacketsFarOutOfOrderCostBoundedWorkAndAreDropped() {
        try (ServerAndClients s = new ServerAndClients(EnetConfig.defaults(), EnetConfig.defaults(), 1)) {
            EnetEngineStats stats = s.server.stats();
            long worst = 0;
            // a future epoch (reliable 1 not yet received), newest first: each belongs at the head
            for (int u = 5_000; u > 0; u--) {
                long before = stats.orderingSteps();
                s.forge(0, hex(s.header(0) + unreliable(0, 1, u)));
                worst = Math.max(worst, stats.orderingSteps() - before);
            }
            assertTrue(worst <= 64 + 1, "one unreliable command cost " + worst + " ordering steps");
            assertTrue(stats.dropped(DropReason.STALE_UNRELIABLE) >= 5_000 - 65, stats.toString());
            // the reliable packet arrives: what was queued follows it, in order
            s.forge(0, hex(s.header(0) + reliable(0, 1)));
            s.exchange();
            List<byte[]> received = s.takeReceived(0);
            assertTrue(received.size() >= 2, "received " + received.size());
            int last = -1;
            for (byte[] p : received.subList(1, received.size())) {
                int u = (p[0] & 0xFF) << 8 | (p[1] & 0xFF);
                assertTrue(u > last, "unreliable order");
                last = u;
            }
        }
    }

    @Test
    void commandsOverTheCapAreNotAcknowledgedAndArriveWhenRetransmitted() {
        // 64 KiB at 512 bytes per small command: 128 may wait
        try (EnginePair p = EnginePair.connected(EnetConfig.defaults().withMaxOutOfOrderBytesPerPeer(64 * 1024))) {
            for (int sequence = 2; sequence <= 300; sequence++) {
                p.toServer(hex(HostileInputTest.header(p.toServerWord(), p.now) + reliable(0, sequence)));
            }
            TreeSet<Integer> acked = serverAcks(p);
            assertEquals(128, acked.size(), acked.toString());
            assertEquals(2, acked.first());
            assertEquals(129, acked.last());
            assertEquals(300 - 129, p.server.stats().dropped(DropReason.OUT_OF_ORDER_LIMIT));

            p.toServer(hex(HostileInputTest.header(p.toServerWord(), p.now) + reliable(0, 1)));
            // the sender's retransmissions of the unacknowledged ones
            for (int sequence = 130; sequence <= 300; sequence++) {
                p.toServer(hex(HostileInputTest.header(p.toServerWord(), p.now) + reliable(0, sequence)));
            }
            acked = serverAcks(p);
            assertEquals(172, acked.size());
            Recorder events = new Recorder();
            p.server.pollEvents(events);
            assertEquals(300, events.received().size());
            for (int i = 0; i < 300; i++) {
                byte[] payload = events.received().get(i).payload();
                assertEquals(i + 1, (payload[0] & 0xFF) << 8 | (payload[1] & 0xFF));
            }
            assertEquals(0, p.server.bufferedBytes());
        }
    }

    /** The channel-0 sequence numbers the server acknowledges in what it sends now. */
    private static TreeSet<Integer> serverAcks(EnginePair p) {
        p.server.service(p.now, p.serverOut);
        TreeSet<Integer> acked = new TreeSet<>();
        for (Captured.Sent d : p.serverOut.sent) {
            byte[] b = d.bytes();
            // the sent time follows the peer word only when the flag says so
            int at = (b[0] & 0x80) != 0 ? Protocol.HEADER_SIZE : Protocol.SHORT_HEADER_SIZE;
            while (at < b.length) {
                int number = b[at] & 0x0F;
                assertTrue(number < Protocol.SEND_RELIABLE || number == Protocol.BANDWIDTH_LIMIT
                        || number == Protocol.THROTTLE_CONFIGURE, "the server sent data: command " + number);
                if (number == Protocol.ACKNOWLEDGE && b[at + 1] == 0) {
                    acked.add((b[at + 4] & 0xFF) << 8 | (b[at + 5] & 0xFF));
                }
                at += Protocol.commandSize(number);
            }
        }
        p.serverOut.clear();
        return acked;
    }

    @Test
    void anHonestSenderRecoversFromATinyCapOnALossyNetwork() {
        for (long seed = 1; seed <= 8; seed++) {
            LinkProfile profile = LinkProfile.perfect().withLatencyMillis(10, 5).withLoss(0.1).withReordering(0.1);
            // 32 KiB at 512 bytes per small command: 64 may wait, fewer than a burst puts in flight
            EnetConfig serverConfig = EnetConfig.defaults().withPeerLimit(2).withMaxOutOfOrderBytesPerPeer(32 * 1024);
            try (SimNetwork net = new SimNetwork(seed, profile)) {
                Recorder serverEvents = new Recorder();
                Recorder clientEvents = new Recorder();
                SimNode server = net.add(SimLossyRunsTest.SERVER, serverConfig).listener(serverEvents);
                SimNode client = net.add(Endpoints.of(0x0A000100, 40000), EnetConfig.defaults()).listener(clientEvents);
                client.engine().connect(SimLossyRunsTest.SERVER, 1, 0, net.nowMillis());
                assertTrue(net.runUntil(() -> clientEvents.count("connected") > 0, 30_000), "seed " + seed + ": no connection");
                int count = 1_500;
                byte[] payload = new byte[4];
                BytesStore<?, byte[]> store = BytesStore.wrap(payload);
                // bursts of 100, more than may wait behind one lost packet, with pauses in which the refused
                // commands' backed-off retransmissions catch up (an ENet sender has no other flow control)
                for (int i = 0; i < count; i++) {
                    store.writeInt(0, i);
                    assertTrue(client.engine().send(0, 0, EnetPacketFlags.RELIABLE, store, 0, 4), "seed " + seed);
                    net.run(i % 100 == 99 ? 2_000 : 1);
                }
                boolean all = net.runUntil(() -> serverEvents.received().size() == count, 120_000);
                List<Integer> values = new ArrayList<>();
                for (Recorder.Event e : serverEvents.received()) {
                    values.add(BytesStore.wrap(e.payload()).readInt(0));
                }
                assertTrue(all, "seed " + seed + ": " + values.size() + " of " + count + " arrived, " + server.engine().stats()
                        + ", client connected " + client.engine().isConnected(0) + ", " + client.engine().stats());
                for (int i = 0; i < count; i++) {
                    assertEquals(i, values.get(i), "seed " + seed + ": order");
                }
                assertTrue(server.engine().stats().dropped(DropReason.OUT_OF_ORDER_LIMIT) > 0,
                        "seed " + seed + ": the cap was never reached, " + server.engine().stats());
                assertTrue(client.engine().isConnected(0), "seed " + seed);
            }
        }
    }
}

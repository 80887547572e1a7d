package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.sim.SimNetwork;
import dev.entitynet.transport.enet.sim.SimNode;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every delivery kind, fragmentation, channels and many peers over the simulated network. */
class SimDeliveryTest {
    static final long SERVER = Endpoints.of(0x0A000001, 7777);

    static long client(int i) {
        return Endpoints.of(0x0A000100 + i, 40000 + i);
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static boolean send(SimNode node, int peer, int channel, int flags, byte[] data) {
        return node.engine().send(peer, channel, flags, BytesStore.wrap(data), 0, data.length);
    }

    /** A server and one connected client on a 10 ms link. */
    static final class Setup implements AutoCloseable {
        final SimNetwork net;
        final Recorder serverEvents = new Recorder();
        final Recorder clientEvents = new Recorder();
        final SimNode server;
        final SimNode client;

        Setup(EnetConfig config, int channels, LinkProfile profile) {
            net = new SimNetwork(7, profile);
            server = net.add(SERVER, config).listener(serverEvents);
            client = net.add(client(0), config).listener(clientEvents);
            client.engine().connect(SERVER, channels, 0, net.nowMillis());
            assertTrue(net.runUntil(() -> serverEvents.count("connected") == 1 && clientEvents.count("connected") == 1, 5000));
        }

        @Override
        public void close() {
            net.close();
        }
    }

    @Test
    void reliableUnreliableAndUnsequencedArriveWithTheirFlags() {
        try (Setup s = new Setup(EnetConfig.defaults(), 3, LinkProfile.perfect().withLatencyMillis(10, 0))) {
            for (int i = 0; i < 50; i++) {
                assertTrue(send(s.client, 0, 0, EnetPacketFlags.RELIABLE, new byte[]{(byte) i}));
                assertTrue(send(s.client, 0, 1, 0, new byte[]{(byte) i}));
                assertTrue(send(s.client, 0, 2, EnetPacketFlags.UNSEQUENCED, new byte[]{(byte) i}));
            }
            assertTrue(s.net.runUntil(() -> s.serverEvents.received().size() == 150, 2000), s.serverEvents.events.toString());
            int[] next = new int[3];
            for (Recorder.Event e : s.serverEvents.received()) {
                int expectedFlags = switch (e.channel()) {
                    case 0 -> EnetPacketFlags.RELIABLE;
                    case 1 -> 0;
                    default -> EnetPacketFlags.UNSEQUENCED;
                };
                assertEquals(expectedFlags, e.flags());
                assertEquals(next[e.channel()]++, e.payload()[0], "order on channel " + e.channel());
            }
        }
    }

    @Test
    void reliableFragmentsUpToOneMebibyte() {
        EnetConfig config = EnetConfig.defaults().withMaxReassemblyBytesPerPeer(2 * 1024 * 1024);
        try (Setup s = new Setup(config, 2, LinkProfile.perfect().withLatencyMillis(5, 0))) {
            int[] sizes = {1372, 1373, 4000, 65536, 1024 * 1024};
            for (int i = 0; i < sizes.length; i++) {
                assertTrue(send(s.client, 0, 1, EnetPacketFlags.RELIABLE, bytes(sizes[i], i)));
            }
            assertTrue(s.net.runUntil(() -> s.serverEvents.received().size() == sizes.length, 60_000));
            List<Recorder.Event> got = s.serverEvents.received();
            for (int i = 0; i < sizes.length; i++) {
                assertArrayEquals(bytes(sizes[i], i), got.get(i).payload(), "packet " + i);
                assertEquals(EnetPacketFlags.RELIABLE, got.get(i).flags());
            }
            s.net.run(1000);
            assertEquals(0, s.client.engine().outgoingCommandsInUse());
            assertEquals(0, s.server.engine().incomingCommandsInUse());
        }
    }

    @Test
    void unreliableFragmentsKeepTheirFlag() {
        try (Setup s = new Setup(EnetConfig.defaults(), 2, LinkProfile.perfect().withLatencyMillis(5, 0))) {
            assertTrue(send(s.client, 0, 1, EnetPacketFlags.UNRELIABLE_FRAGMENT, bytes(5000, 1)));
            // an UNSEQUENCED packet needing fragments becomes an unreliable fragment train, as in libenet
            assertTrue(send(s.client, 0, 1, EnetPacketFlags.UNSEQUENCED | EnetPacketFlags.UNRELIABLE_FRAGMENT, bytes(3000, 2)));
            assertTrue(s.net.runUntil(() -> s.serverEvents.received().size() == 2, 2000));
            assertArrayEquals(bytes(5000, 1), s.serverEvents.received().get(0).payload());
            assertEquals(EnetPacketFlags.UNRELIABLE_FRAGMENT, s.serverEvents.received().get(0).flags());
            assertArrayEquals(bytes(3000, 2), s.serverEvents.received().get(1).payload());
            assertEquals(EnetPacketFlags.UNRELIABLE_FRAGMENT, s.serverEvents.received().get(1).flags());
            // without the flag a large unreliable packet goes as reliable fragments
            assertTrue(send(s.client, 0, 1, 0, bytes(3000, 3)));
            assertTrue(s.net.runUntil(() -> s.serverEvents.received().size() == 3, 2000));
            assertEquals(EnetPacketFlags.RELIABLE, s.serverEvents.received().get(2).flags());
        }
    }

    @Test
    void twoHundredFiftyFiveChannels() {
        try (Setup s = new Setup(EnetConfig.defaults(), 255, LinkProfile.perfect().withLatencyMillis(3, 0))) {
            assertEquals(255, s.server.engine().channelCount(0));
            for (int ch = 0; ch < 255; ch++) {
                assertTrue(send(s.server, 0, ch, EnetPacketFlags.RELIABLE, new byte[]{(byte) ch, 1}));
                assertTrue(send(s.server, 0, ch, EnetPacketFlags.RELIABLE, new byte[]{(byte) ch, 2}));
            }
            assertTrue(s.net.runUntil(() -> s.clientEvents.received().size() == 510, 5000));
            int[] seen = new int[255];
            for (Recorder.Event e : s.clientEvents.received()) {
                assertEquals((byte) e.channel(), e.payload()[0]);
                assertEquals(++seen[e.channel()], e.payload()[1]);
            }
        }
    }

    @Test
    void channelCountIsClampedToTheServerLimit() {
        try (Setup s = new Setup(EnetConfig.defaults().withChannelLimit(4), 10, LinkProfile.perfect())) {
            assertEquals(4, s.server.engine().channelCount(0));
            assertEquals(4, s.client.engine().channelCount(0));
        }
    }

    @Test
    void manyPeersConnectAndTalk() {
        int clients = 200;
        try (SimNetwork net = new SimNetwork(3, LinkProfile.perfect().withLatencyMillis(5, 2))) {
            Recorder serverEvents = new Recorder();
            SimNode server = net.add(SERVER, EnetConfig.defaults().withPeerLimit(clients).withMaxHalfOpenConnections(clients))
                    .listener(serverEvents);
            SimNode[] nodes = new SimNode[clients];
            for (int i = 0; i < clients; i++) {
                nodes[i] = net.add(client(i), EnetConfig.defaults().withPeerLimit(1));
                nodes[i].engine().connect(SERVER, 1, 1000 + i, net.nowMillis());
            }
            assertTrue(net.runUntil(() -> serverEvents.count("connected") == clients, 5000));
            for (int i = 0; i < clients; i++) {
                send(nodes[i], 0, 0, EnetPacketFlags.RELIABLE, new byte[]{(byte) i});
            }
            assertTrue(net.runUntil(() -> serverEvents.received().size() == clients, 5000));
            for (Recorder.Event e : serverEvents.received()) {
                int data = serverEvents.of("connected").stream().filter(c -> c.peerId() == e.peerId()).findFirst().orElseThrow().data();
                assertEquals((byte) (data - 1000), e.payload()[0]);
            }
            // a client beyond the limit is ignored and times out on its own
            SimNode late = net.add(client(clients), EnetConfig.defaults().withPeerLimit(1));
            Recorder lateEvents = new Recorder();
            late.listener(lateEvents);
            late.engine().connect(SERVER, 1, 0, net.nowMillis());
            net.run(1000);
            assertTrue(server.engine().stats().dropped(DropReason.CONNECT_NO_FREE_SLOT) > 0);
            assertEquals(0, lateEvents.events.size());
        }
    }

    @Test
    void sequencedUnreliableIsOrderedAfterPrecedingReliable() {
        try (Setup s = new Setup(EnetConfig.defaults(), 1, LinkProfile.perfect().withLatencyMillis(5, 0))) {
            // all in one flush: commands must leave in queue order (as libenet 1.3.18 sends them), or a
            // sequenced packet queued before a reliable one would arrive after it and be stale
            for (int i = 0; i < 20; i++) {
                send(s.client, 0, 0, (i % 5 == 0) ? EnetPacketFlags.RELIABLE : 0, new byte[]{(byte) i});
            }
            s.net.tick();
            assertTrue(s.net.runUntil(() -> s.serverEvents.received().size() == 20, 1000));
            for (int i = 0; i < 20; i++) {
                assertEquals(i, s.serverEvents.received().get(i).payload()[0]);
            }
        }
    }

    @Test
    void sendIsRefusedAndCountedWhenItCannotBeQueued() {
        try (Setup s = new Setup(EnetConfig.defaults().withMaxPacketSize(1000), 2, LinkProfile.perfect())) {
            EnetEngine e = s.client.engine();
            assertTrue(!send(s.client, 0, 2, 0, new byte[1]), "bad channel");
            assertTrue(!send(s.client, 0, 0, 0, new byte[1001]), "too large");
            assertTrue(!send(s.client, 5, 0, 0, new byte[1]), "unknown peer");
            assertTrue(!send(s.client, -1, 0, 0, new byte[1]), "negative peer");
            assertEquals(4, e.stats().dropped(DropReason.SEND_REFUSED));
        }
    }
}

package dev.entitynet.transport.enet.io;

import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.enet.sim.SimNetwork;
import dev.entitynet.transport.enet.sim.SimNode;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Engine-level regression test for what EnetMultiplayerPeerTest needs over real sockets (Godot sends
 * UNRELIABLE_ORDERED and RELIABLE of user channel n on the same ENet channel). A sequenced
 * unreliable packet queued <em>before</em> a reliable one on the same channel carries the old
 * reliable epoch; libenet 1.3.16+ keeps one outgoing queue, so it leaves ahead of the reliable
 * one in the datagram and is delivered. An engine that writes all reliable commands first puts it
 * behind the reliable one, and the receiver then discards it as belonging to a past epoch (the
 * bug this reproduced until enet-engine 6cbd1af).
 */
class SequencedBeforeReliableReproTest {
    private static final long SERVER = Endpoints.of(0x0A000001, 7777);
    private static final long CLIENT = Endpoints.of(0x0A000002, 40000);

    @Test
    void sequencedPacketQueuedBeforeAReliableOneOnTheSameChannelArrives() {
        try (SimNetwork net = new SimNetwork(1, LinkProfile.perfect())) {
            Log serverLog = new Log();
            Log clientLog = new Log();
            SimNode server = net.add(SERVER, EnetConfig.defaults()).listener(serverLog);
            SimNode client = net.add(CLIENT, EnetConfig.defaults()).listener(clientLog);
            client.engine().connect(SERVER, 3, 0, net.nowMillis());
            assertTrue(net.runUntil(() -> serverLog.connected && clientLog.connected, 2000));
            BytesStore<?, byte[]> one = BytesStore.wrap(new byte[]{1});
            BytesStore<?, byte[]> two = BytesStore.wrap(new byte[]{2});
            assertTrue(client.engine().send(0, 2, 0, one, 0, 1));
            assertTrue(client.engine().send(0, 2, EnetPacketFlags.RELIABLE, two, 0, 1));
            net.runUntil(() -> serverLog.received.size() == 2, 2000);
            assertEquals(List.of("ch2 flags0 [1]", "ch2 flags1 [2]"), serverLog.received,
                    "engine drop counters: " + server.engine().stats());
        }
    }

    private static final class Log implements EnetEventListener {
        boolean connected;
        final List<String> received = new ArrayList<>();

        @Override
        public void connected(int peerId, long endpoint, int data) {
            connected = true;
        }

        @Override
        public void disconnected(int peerId, long endpoint, int data) {
        }

        @Override
        public void received(int peerId, int channel, int flags, Bytes<?> payload) {
            received.add("ch" + channel + " flags" + flags + " [" + payload.readByte(payload.readPosition()) + "]");
        }
    }
}

package dev.entitynet.examples.arena;

import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.local.LocalHub;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-peer payload counting on the in-process transport: broadcasts and "everyone except" count for each peer they reach. */
class CountingPeerTest {
    private final ManualClock clock = new ManualClock();
    private final IntArrayList joined = new IntArrayList();
    private int packets;
    private final PeerEventListener serverEvents = new PeerEventListener() {
        @Override
        public void peerConnected(int peerId) {
            joined.add(peerId);
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            packets++;
        }
    };
    private final PeerEventListener ignore = packet -> { };

    @Test
    void countsBytesPerPeerInBothDirections() {
        try (LocalHub hub = new LocalHub(clock, 5)) {
            CountingPeer server = new CountingPeer(hub.createServer());
            MultiplayerPeer a = hub.createClient();
            MultiplayerPeer b = hub.createClient();
            pollUntil(() -> joined.size() == 2, server, a, b);

            assertEquals(SendResult.SENT, server.send(PeerIds.BROADCAST, TransferMode.RELIABLE, 0, new byte[10], 0, 10));
            assertEquals(SendResult.SENT, server.send(-a.uniqueId(), TransferMode.RELIABLE, 0, new byte[7], 0, 7));
            assertEquals(SendResult.SENT, server.send(b.uniqueId(), TransferMode.RELIABLE, 0, new byte[3], 0, 3));
            assertEquals(10, server.bytesTo(a.uniqueId()));
            assertEquals(20, server.bytesTo(b.uniqueId()));
            assertEquals(20, server.bytesOut(), "a broadcast counts once in the total");

            a.send(PeerIds.SERVER, TransferMode.RELIABLE, 0, new byte[5], 0, 5);
            b.send(PeerIds.SERVER, TransferMode.RELIABLE, 0, new byte[4], 0, 4);
            pollUntil(() -> packets == 2, server, a, b);
            assertEquals(5, server.bytesFrom(a.uniqueId()));
            assertEquals(4, server.bytesFrom(b.uniqueId()));
            assertEquals(9, server.bytesIn());
            assertEquals(0, server.bytesFrom(12345), "a peer never seen has sent nothing");
        }
    }

    private void pollUntil(BooleanSupplier done, CountingPeer server, MultiplayerPeer... clients) {
        for (int i = 0; i < 1000 && !done.getAsBoolean(); i++) {
            clock.advance(1, TimeUnit.MILLISECONDS);
            server.poll(serverEvents);
            for (MultiplayerPeer client : clients) {
                client.poll(ignore);
            }
        }
        assertTrue(done.getAsBoolean(), "the local hub delivered within 1000 simulated ms");
    }
}

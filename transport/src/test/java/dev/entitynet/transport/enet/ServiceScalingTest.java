package dev.entitynet.transport.enet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service pass visits the peers with something to do, not every slot: idle peers cost nothing per
 * pass, however often the engine is serviced and however many slots it has (libenet scans every
 * slot on each service call). Work is counted by {@link EnetEngineStats#peerVisits()}, not timed.
 */
class ServiceScalingTest {
    private static final int CLIENTS = 60;

    @Test
    void idlePeersAreVisitedOnlyWhenTheirPingIsDue() {
        EnetConfig serverConfig = EnetConfig.defaults().withPeerLimit(EnetConfig.MAX_PEERS);
        try (ServerAndClients net = new ServerAndClients(serverConfig, EnetConfig.defaults().withPeerLimit(1), CLIENTS)) {
            net.exchange(2000); // past the handshakes, the bandwidth exchange and the first pings
            EnetEngineStats stats = net.server.stats();
            Captured out = new Captured();

            long before = stats.peerVisits();
            for (int pass = 0; pass < 100; pass++) {
                net.server.service(net.now, out); // nothing arrived, nothing is due at this millisecond
            }
            assertEquals(before, stats.peerVisits(), "passes with nothing to do visited peers");

            before = stats.peerVisits();
            int millis = 5000;
            net.exchange(millis);
            long visits = stats.peerVisits() - before;
            // each idle peer is visited for its own ping, the ACK of it and the client's ping: a few
            // times per 500 ms ping interval, where a scan would visit 4095 slots on each of 5000 passes
            long perPeerPerInterval = visits * 500 / millis / CLIENTS;
            assertTrue(perPeerPerInterval <= 6, "each idle peer was visited " + perPeerPerInterval + " times per ping interval");
            assertTrue(visits > 0);
            for (int i = 0; i < CLIENTS; i++) {
                assertTrue(net.server.isConnected(net.serverPeer[i]));
            }
        }
    }
}

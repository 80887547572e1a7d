package dev.entitynet.transport.enet;

import org.junit.jupiter.api.Test;

import static dev.entitynet.transport.enet.Captured.feed;
import static dev.entitynet.transport.enet.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BANDWIDTH_LIMIT about a second after connecting, and its effect; THROTTLE_CONFIGURE. */
class BandwidthAndThrottleTest {
    @Test
    void bothSidesSendBandwidthLimitAboutOneSecondAfterConnecting() {
        EnginePair p = new EnginePair(EnetConfig.defaults().withBandwidth(0, 0));
        long start = p.now;
        p.client.connect(EnginePair.SERVER, 2, 0, p.now);
        long clientSentAt = -1;
        long serverSentAt = -1;
        while (p.now - start < 2000 && (clientSentAt < 0 || serverSentAt < 0)) {
            p.client.service(p.now, p.clientOut);
            p.server.service(p.now, p.serverOut);
            for (Captured.Sent s : p.clientOut.sent) {
                if (s.hex().matches("(..)*8aff....0000000000000000.*") && clientSentAt < 0) {
                    clientSentAt = p.now - start;
                }
                feed(p.server, EnginePair.CLIENT, s.bytes(), p.now);
            }
            for (Captured.Sent s : p.serverOut.sent) {
                if (s.hex().contains("8aff") && serverSentAt < 0) {
                    serverSentAt = p.now - start;
                }
                feed(p.client, EnginePair.SERVER, s.bytes(), p.now);
            }
            p.clientOut.clear();
            p.serverOut.clear();
            p.now++;
        }
        assertTrue(clientSentAt >= 900 && clientSentAt <= 1100, "client sent BANDWIDTH_LIMIT at " + clientSentAt);
        assertTrue(serverSentAt >= 900 && serverSentAt <= 1100, "server sent BANDWIDTH_LIMIT at " + serverSentAt);
        assertEquals(0, p.server.stats().droppedTotal(), p.server.stats().toString());
        p.close();
    }

    @Test
    void bandwidthLimitSetsTheSendWindowAndThrottleConfigureIsAccepted() {
        try (EnginePair p = EnginePair.connected()) {
            assertEquals(65536, p.server.windowSize(0));
            // the client says it takes 100000 B/s: the server's window becomes 100000/65536*4096, clamped
            p.toServer(hex(String.format("%04x%04x 8aff0010 000186a0 00000000", p.toServerWord() | 0x8000, p.now & 0xFFFF)));
            assertEquals(4096, p.server.windowSize(0));
            p.client.throttleConfigure(0, 1000, 4, 8);
            p.exchange();
            p.exchange();
            assertEquals(0, p.server.stats().droppedTotal(), p.server.stats().toString());
            p.assertStillWorks();
        }
    }
}

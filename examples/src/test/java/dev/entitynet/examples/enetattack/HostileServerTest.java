package dev.entitynet.examples.enetattack;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Java ENet server must withstand once the engine's hostile-network fixes are in: each
 * attack of {@code ./run enet-attack}, at the strength bench/hostile-compare.sh uses, against the
 * echo server in this JVM over real UDP on loopback. Disabled until those fixes are merged into
 * this branch; enable it then. Some assertions bound times (2 s to connect, 250 ms round trips, the
 * timeout maximum): they are the requirements themselves, with generous margins.
 */
@Disabled("enabled when the engine fixes land")
class HostileServerTest {
    /** The shortened timeout maximum the timeout test gives every peer (ENet's default is 30 s). */
    private static final int TIMEOUT_MAXIMUM_MILLIS = 5000;

    private static Results attack(InProcessEchoServer server, String attack, String... options) throws Exception {
        Results results = EnetAttack.attack(server.target(attack, options));
        results.print(System.out);
        return results;
    }

    @Test
    void unprovenAddressesGetAtMostOneReplyNoLargerThanTheirConnect() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server, "reflect", "--sources", "32", "--seconds", "8");
            assertTrue(r.number("amplification") <= 1.0, "bytes out / bytes in " + r.number("amplification"));
            assertTrue(r.number("max_datagrams_per_source") <= 1, "no retransmission to an unproven address");
        }
    }

    @Test
    void honestClientsConnectWithinTwoSecondsUnderASpoofedConnectFlood() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server, "slots", "--rate", "2000", "--sources", "5000", "--seconds", "4", "--honest", "8",
                    "--honest-timeout-ms", "2000");
            assertEquals(0, r.number("honest_failed"), "every honest client connected within 2 s");
            assertTrue(r.number("connect_ms_max") < 2000, "slowest honest connect " + r.number("connect_ms_max") + " ms");
        }
    }

    @Test
    void aBlindSpooferCompletesNoHandshakeAndNothingIsStreamedToItsVictim() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server, "blind", "--guess-sessions", "4");
            assertEquals(0, r.number("handshake_completed"));
            assertEquals(0, r.number("victim_data_bytes"));
        }
    }

    @Test
    void fragmentGroupsThatDoNotTileTheirLengthEchoNoForeignByte() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server, "leak");
            assertEquals(0, r.number("unsent_bytes_echoed"), "no byte the tool did not send came back");
            assertEquals(0, r.number("unmatched_echoes"));
            assertEquals(r.number("control_sent"), r.number("control_echoed"), "honest two-piece packets still echo intact");
        }
    }

    @Test
    void honestRoundTripsStayUnder250MillisecondsDuringQueueWalksAndFloods() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server, "stall");
            assertTrue(r.number("ooo.rtt_p99_ms") < 250, "p99 during the out-of-order walk " + r.number("ooo.rtt_p99_ms") + " ms");
            assertTrue(r.number("flood.rtt_p99_ms") < 250, "p99 during the reliable flood " + r.number("flood.rtt_p99_ms") + " ms");
            assertEquals(1, r.number("honest_survived"));
        }
    }

    @Test
    void connectedAttackersCannotGrowMemoryWithoutBoundOrStallTheServer() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server, "memory", "--pid", Long.toString(ProcessHandle.current().pid()));
            assertEquals(1, r.number("responsive"));
            // The tool runs in this JVM too, so the bound is the engine's 64 MiB budget plus room for both heaps.
            assertTrue(r.number("rss_growth_kib") < 192 * 1024, "resident growth " + r.number("rss_growth_kib") + " KiB");
        }
    }

    @Test
    void aPeerThatForgesAnOldEchoTimeAndAcknowledgesNothingIsDroppedWithinTheTimeoutMaximum() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start(1000, TIMEOUT_MAXIMUM_MILLIS)) {
            Results r = attack(server, "timeout", "--seconds", "9");
            assertEquals(1, r.number("handshake"));
            assertEquals(1, r.number("dropped"));
            assertTrue(r.number("last_ack_ms") <= TIMEOUT_MAXIMUM_MILLIS + 1000,
                    "the server answered the silent peer until " + r.number("last_ack_ms") + " ms");
        }
    }
}

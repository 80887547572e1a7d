package dev.entitynet.examples.enetattack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack tool's measurements are right: each attack runs briefly over real UDP on loopback,
 * against fake servers whose answers are known (exact byte counts, a planted foreign byte, a
 * blind-spoofable or a nonce-checking handshake) or against the Java echo server, where only
 * the tool's own bookkeeping is checked (never whether that server resists the attack: the engine
 * fixes are checked by {@link HostileServerTest}). Seeds are fixed (42) and printed with the results.
 */
class EnetAttackToolTest {

    private static Results attack(String[] args) throws Exception {
        Results results = EnetAttack.attack(args);
        results.print(System.out);
        return results;
    }

    @Test
    void reflectCountsExactlyTheBytesTheServerSendsToTheSpoofedSources() throws Exception {
        try (FakeEnetServer server = FakeEnetServer.reflector(3, 60)) {
            Results r = attack(server.target("reflect", "--sources", "10", "--seconds", "0.5"));
            assertEquals(10 * 52, r.number("bytes_in"));
            assertEquals(10 * 3 * 60, r.number("bytes_out"));
            assertEquals(30, r.number("datagrams_out"));
            assertEquals(10, r.number("sources_answered"));
            assertEquals(3, r.number("max_datagrams_per_source"));
            assertEquals(60, r.number("largest_reply_bytes"));
            assertEquals(180.0 / 52, r.number("amplification"), 0.005);
        }
    }

    @Test
    void leakDetectsAPlantedForeignByteAndNothingWhenPiecesMustTile() throws Exception {
        try (FakeEnetServer leaky = FakeEnetServer.echo(true, true)) {
            Results r = attack(leaky.target("leak", "--groups", "20", "--seconds", "0.3"));
            assertEquals(1, r.number("leaked"));
            assertEquals(18, r.number("untiled_echoed"));
            assertEquals(r.number("unsent_bytes_echoed"), r.number("foreign_nonzero_bytes"), "every gap byte is the planted 0xA5");
            assertEquals(10 * (1000 - 16) + 8 * (1000 - 8), r.number("unsent_bytes_echoed"),
                    "10 gap groups with 984 unsent bytes each, 8 overlap groups with 992");
            assertEquals(2, r.number("control_echoed"));
        }
        try (FakeEnetServer strict = FakeEnetServer.echo(true, false)) {
            Results r = attack(strict.target("leak", "--groups", "20", "--seconds", "0.3"));
            assertEquals(0, r.number("leaked"));
            assertEquals(0, r.number("unsent_bytes_echoed"));
            assertEquals(0, r.number("untiled_echoed"));
            assertEquals(2, r.number("control_sent"));
            assertEquals(2, r.number("control_echoed"), "honest two-piece packets still come back intact");
        }
    }

    @Test
    void blindSeesStreamingOnlyWhenTheServerTakesAGuessedAcknowledgement() throws Exception {
        String[] options = {"--packets", "10", "--seconds", "0.2", "--listen", "0.3"};
        try (FakeEnetServer gullible = FakeEnetServer.echo(true, false)) {
            Results r = attack(gullible.target("blind", options));
            assertEquals(1, r.number("handshake_completed"));
            assertEquals(1, r.number("streamed"));
            assertTrue(r.number("victim_data_bytes") >= 10 * 200, "the reliable packets came back to the victim");
        }
        try (FakeEnetServer nonce = FakeEnetServer.echo(false, false)) {
            Results r = attack(nonce.target("blind", options));
            assertEquals(0, r.number("handshake_completed"));
            assertEquals(0, r.number("streamed"));
            assertEquals(1, r.number("victim_verify_datagrams"), "the victim heard only the one VERIFY_CONNECT");
        }
    }

    @Test
    void slotsAccountsForEveryHonestAttemptAndEveryFloodDatagram() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server.target("slots", "--rate", "200", "--sources", "50", "--seconds", "1", "--honest", "3",
                    "--honest-interval-ms", "50"));
            assertEquals(3, r.number("honest_attempts"));
            assertEquals(3, r.number("honest_connected") + r.number("honest_failed"));
            assertTrue(r.number("flood_sent") > 0);
            assertEquals(52 * r.number("flood_sent"), r.number("flood_bytes"), "every flood datagram is one 52-byte CONNECT");
        }
    }

    @Test
    void memoryReadsResidentSizesAndConnectsItsAttackers() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server.target("memory", "--pid", Long.toString(ProcessHandle.current().pid()), "--peers", "2",
                    "--groups", "2", "--group-bytes", "65536", "--ooo-bytes", "65536", "--seconds", "0.3", "--settle", "0.2"));
            assertEquals(2, r.number("attackers_connected"), "the tool's handshake works against a real ENet engine");
            assertTrue(r.number("rss_before_kib") > 0);
            assertTrue(r.number("rss_peak_kib") >= r.number("rss_before_kib"));
            assertEquals(2 * (2 * 64 + 64) * 1024, r.number("claimed_bytes"));
            assertEquals(2 * (1 + 64), r.number("attack_datagrams"),
                    "per peer: one datagram for both groups (16 one-byte pieces each), one per 1 KiB out-of-order packet");
            assertEquals(1, r.number("honest_connected"));
        }
    }

    @Test
    void stallMeasuresTheHonestClientInEveryPhase() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server.target("stall", "--seconds", "0.3", "--ooo", "500", "--rate", "20", "--flood-rate", "300"));
            assertTrue(r.number("baseline.echoed") > 0, "the quiet baseline has echoes");
            assertTrue(r.number("flood.probes") > 0 && r.number("ooo.probes") > 0);
            assertTrue(r.number("flood.attack_commands") > 0);
            assertTrue(r.number("ooo.attack_commands") >= 500, "the out-of-order fill goes out first");
            assertEquals(1, r.number("flood.honest_connected"));
        }
    }

    @Test
    void timeoutCompletesAHandshakeAndCountsWhatTheServerSends() throws Exception {
        try (InProcessEchoServer server = InProcessEchoServer.start()) {
            Results r = attack(server.target("timeout", "--seconds", "0.5", "--rate", "20"));
            assertEquals(1, r.number("handshake"), "forged or, failing that, honest");
            assertTrue(r.number("echo_bytes_requested") > 0);
            assertTrue(r.number("server_datagrams") > 0);
        }
    }

    @Test
    void spoofingAttacksRefuseAServerOffLoopbackAndUnknownOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnetAttack.attack(new String[] {"reflect", "--host", "192.0.2.1", "--port", "7777"}));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EnetAttack.attack(new String[] {"reflect", "--sourcs", "3"}));
        assertTrue(e.getMessage().contains("--sourcs"), e.getMessage());
    }
}

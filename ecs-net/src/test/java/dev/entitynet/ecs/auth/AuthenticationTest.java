package dev.entitynet.ecs.auth;

import dev.entitynet.ecs.LocalCluster;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.signal.HandshakeFailure;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticationTest {
    private final List<String> log = new ArrayList<>();

    private static String text(Bytes<?> data) {
        byte[] copy = new byte[(int) data.readRemaining()];
        data.read(data.readPosition(), copy, 0, copy.length);
        return new String(copy, StandardCharsets.UTF_8);
    }

    /** Server: password "secret" admits, anything else disconnects. */
    private Consumer<SceneMultiplayer> serverAuth() {
        return mp -> {
            mp.authCallback((id, data) -> {
                String password = text(data);
                log.add("server got " + password);
                if (password.equals("secret")) {
                    mp.sendAuth(id, "welcome".getBytes(StandardCharsets.UTF_8));
                    mp.completeAuth(id);
                } else {
                    mp.disconnectPeer(id);
                }
            });
            record(mp);
        };
    }

    /** Client: sends {@code password} when authentication starts, completes on "welcome". */
    private Consumer<SceneMultiplayer> clientAuth(String password) {
        return mp -> {
            mp.authCallback((id, data) -> {
                log.add(mp.rootPath() + " got " + text(data));
                mp.completeAuth(id);
            });
            mp.signals().peerAuthenticating.connect(id -> mp.sendAuth(id, password.getBytes(StandardCharsets.UTF_8)));
            record(mp);
        };
    }

    private void record(SceneMultiplayer mp) {
        mp.signals().peerAuthenticating.connect(id -> log.add(mp.rootPath() + " authenticating " + id));
        mp.signals().peerConnected.connect(id -> log.add(mp.rootPath() + " connected " + id));
        mp.signals().peerAuthenticationFailed.connect(id -> log.add(mp.rootPath() + " auth failed " + id));
        mp.signals().connectionFailed.connect(() -> log.add(mp.rootPath() + " connection_failed"));
        mp.signals().handshakeFailed.connect((id, reason, detail) -> log.add(mp.rootPath() + " handshake " + reason));
    }

    @Test
    void peersAreAdmittedOnlyAfterBothSidesComplete() {
        try (LocalCluster c = new LocalCluster(31, 0, serverAuth())) {
            SceneMultiplayer client = c.addClient(clientAuth("secret"));
            int id = client.uniqueId();
            c.tick();
            c.tick();
            assertTrue(log.contains("server authenticating " + id), log.toString());
            assertTrue(c.server.peers().isEmpty());
            c.ticks(6);
            assertEquals(List.of(id), List.copyOf(c.server.peers()));
            assertEquals(List.of(1), List.copyOf(client.peers()));
            assertTrue(c.server.authenticatingPeers().isEmpty());
            int serverConnected = log.indexOf("server connected " + id);
            assertTrue(serverConnected > log.indexOf("server got secret"), log.toString());
            assertTrue(log.indexOf("client0 connected 1") > log.indexOf("client0 got welcome"), log.toString());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (LocalCluster c = new LocalCluster(32, 0, serverAuth())) {
            SceneMultiplayer client = c.addClient(clientAuth("guess"));
            c.ticks(8);
            assertTrue(c.server.peers().isEmpty());
            assertTrue(client.peers().isEmpty());
            assertTrue(log.contains("client0 auth failed 1"), log.toString());
            assertTrue(log.contains("client0 connection_failed"), log.toString());
            assertTrue(log.stream().noneMatch(l -> l.contains("connected")), log.toString());
        }
    }

    @Test
    void authTimeoutIsEnforcedWithTheClock() {
        try (LocalCluster c = new LocalCluster(33, 0, serverAuth())) {
            SceneMultiplayer client = c.addClient(mp -> record(mp));
            client.authCallback((id, data) -> { });
            c.ticks(3);
            assertEquals(1, c.server.authenticatingPeers().size());
            c.clock.advanceMillis(2990);
            c.tick();
            assertEquals(1, c.server.authenticatingPeers().size(), "not yet: 3 s have not passed");
            c.clock.advanceMillis(20);
            c.ticks(3);
            assertTrue(c.server.authenticatingPeers().isEmpty());
            assertTrue(log.contains("server auth failed " + client.uniqueId()), log.toString());
            assertTrue(log.contains("server handshake " + HandshakeFailure.AUTH_TIMEOUT), log.toString());
        }
    }

    @Test
    void zeroTimeoutWaitsForever() {
        try (LocalCluster c = new LocalCluster(34, 0, mp -> {
            serverAuth().accept(mp);
            mp.authTimeoutNanos(0);
        })) {
            SceneMultiplayer client = c.addClient(mp -> record(mp));
            client.authCallback((id, data) -> { });
            client.authTimeoutNanos(0);
            c.ticks(3);
            c.clock.advanceMillis(60_000);
            c.ticks(3);
            assertEquals(1, c.server.authenticatingPeers().size());
        }
    }

    @Test
    void pendingPeersExchangeOnlyAuthAndAdmittedPeersNoAuth() {
        try (LocalCluster c = new LocalCluster(35, 0, serverAuth())) {
            SceneMultiplayer client = c.addClient(mp -> record(mp));
            client.authCallback((id, data) -> { });
            List<Integer> raw = new ArrayList<>();
            c.server.signals().peerPacket.connect((id, packet) -> raw.add(id));
            c.ticks(3);
            int id = client.uniqueId();
            // The client's SceneMultiplayer refuses to talk to a pending server, so go under it.
            client.peer().send(1, dev.entitynet.transport.TransferMode.RELIABLE, 0, new byte[] {3, 1, 2}, 0, 3);
            c.ticks(2);
            assertEquals(List.of(), raw);
            assertEquals(1, c.server.violations().count(id, Violation.NOT_ADMITTED));

            client.sendAuth(1, "secret".getBytes(StandardCharsets.UTF_8));
            client.completeAuth(1);
            c.ticks(4);
            assertEquals(List.of(id), List.copyOf(c.server.peers()));
            client.peer().send(1, dev.entitynet.transport.TransferMode.RELIABLE, 0, new byte[] {7, 0, 'x'}, 0, 3);
            c.ticks(2);
            assertEquals(1, c.server.violations().count(id, Violation.AUTH_AFTER_ADMISSION));
            assertEquals(List.of(id), List.copyOf(c.server.peers()), "state unchanged");
            assertThrows(IllegalStateException.class, () -> c.server.completeAuth(id));
            assertThrows(IllegalStateException.class, () -> c.server.sendAuth(id, new byte[] {1}));
        }
    }
}

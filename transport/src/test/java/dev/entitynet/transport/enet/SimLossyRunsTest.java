package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.sim.SimNetwork;
import dev.entitynet.transport.enet.sim.SimNode;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded runs under 0-50% loss with duplication, jitter and reordering: reliable data arrives
 * exactly once and in order per channel (or the connection is declared dead on both sides),
 * sequenced unreliable never goes backwards, a silent peer times out, and the pools return to zero.
 */
class SimLossyRunsTest {
    static final int SEEDS = 200;
    static final int RELIABLE_CHANNELS = 3;
    static final int MIXED_CHANNEL = 3;
    static final long SERVER = Endpoints.of(0x0A000001, 7777);

    /** Checks what the server receives from each client as it arrives. */
    static final class Checker implements EnetEventListener {
        final long seed;
        final int[][] nextReliable = new int[4][RELIABLE_CHANNELS + 1];
        final int[] lastUnreliable = {-1, -1, -1, -1};
        final int[] connectedData = new int[4];
        final boolean[] connected = new boolean[4];
        int disconnects;

        Checker(long seed) {
            this.seed = seed;
        }

        @Override
        public void connected(int peerId, long endpoint, int data) {
            connected[peerId] = true;
            connectedData[peerId] = data;
        }

        @Override
        public void disconnected(int peerId, long endpoint, int data) {
            connected[peerId] = false;
            disconnects++;
        }

        @Override
        public void received(int peerId, int channel, int flags, Bytes<?> payload) {
            int value = payload.readInt(payload.readPosition());
            long length = payload.readRemaining();
            int client = connectedData[peerId];
            if ((flags & EnetPacketFlags.RELIABLE) != 0) {
                assertEquals(nextReliable[client][channel], value, "seed " + seed + ": reliable order on channel " + channel);
                nextReliable[client][channel]++;
                for (long i = 4; i < length; i++) {
                    assertEquals((byte) (value + i), payload.readByte(payload.readPosition() + i), "seed " + seed + ": payload");
                }
            } else {
                assertTrue(value > lastUnreliable[client], "seed " + seed + ": sequenced unreliable went backwards "
                        + lastUnreliable[client] + " -> " + value);
                lastUnreliable[client] = value;
            }
        }
    }

    @Test
    void reliableExactlyOnceInOrderUnderLossAcrossSeeds() {
        int completed = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            if (runSeed(seed)) {
                completed++;
            }
        }
        // Under heavy loss some connections legitimately die, as with libenet: when the ACK of
        // VERIFY_CONNECT is lost, the server rejects (and does not ack) the client's first data, the
        // client's retransmission timeout doubles towards 16 s, and one more loss ends the session.
        assertTrue(completed >= SEEDS * 3 / 5, completed + " of " + SEEDS + " seeds delivered everything");
    }

    /** One run; true when every reliable packet arrived (false only when the connection was declared dead). */
    private boolean runSeed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkProfile profile = LinkProfile.perfect()
                .withLatencyMillis(random.nextInt(1, 40), random.nextInt(0, 20))
                .withLoss(random.nextDouble(0, 0.5))
                .withDuplication(random.nextDouble(0, 0.2))
                .withReordering(random.nextDouble(0, 0.2));
        EnetConfig config = EnetConfig.defaults().withPeerLimit(4).withMtu(576 + random.nextInt(0, 900));
        try (SimNetwork net = new SimNetwork(seed, profile)) {
            Checker checker = new Checker(seed);
            Recorder[] clientEvents = {new Recorder(), new Recorder()};
            SimNode server = net.add(SERVER, config).listener(checker);
            SimNode[] clients = new SimNode[2];
            for (int c = 0; c < 2; c++) {
                clients[c] = net.add(Endpoints.of(0x0A000100 + c, 40000), config).listener(clientEvents[c]);
                clients[c].engine().connect(SERVER, RELIABLE_CHANNELS + 1, c + 1, net.nowMillis());
            }
            boolean handshakes = net.runUntil(() -> clientEvents[0].count("connected") + clientEvents[0].count("disconnected") > 0
                    && clientEvents[1].count("connected") + clientEvents[1].count("disconnected") > 0, 40_000);
            assertTrue(handshakes, "seed " + seed + ": handshake neither completed nor failed");

            int[][] sent = new int[3][RELIABLE_CHANNELS + 1];
            int[] unreliableSent = new int[3];
            byte[] payload = new byte[3000];
            BytesStore<?, byte[]> store = BytesStore.wrap(payload);
            for (int step = 0; step < 150; step++) {
                for (int c = 0; c < 2; c++) {
                    EnetEngine e = clients[c].engine();
                    if (!e.isConnected(0)) {
                        continue;
                    }
                    int channel = random.nextInt(RELIABLE_CHANNELS + 1);
                    boolean reliable = channel < RELIABLE_CHANNELS || random.nextInt(4) == 0;
                    int value = reliable ? sent[c + 1][channel] : ++unreliableSent[c + 1];
                    int length = reliable && random.nextInt(10) == 0 ? 3000 : 4 + random.nextInt(40);
                    store.writeInt(0, value);
                    for (int i = 4; i < length; i++) {
                        payload[i] = (byte) (value + i);
                    }
                    assertTrue(e.send(0, channel, reliable ? EnetPacketFlags.RELIABLE : 0, store, 0, length));
                    if (reliable) {
                        sent[c + 1][channel]++;
                    }
                }
                net.run(2);
            }
            boolean allArrived = net.runUntil(() -> everythingArrived(checker, sent, clients), 60_000);
            assertTrue(allArrived || profile.lossRate() > 0.1, "seed " + seed + ": a connection died at only "
                    + profile.lossRate() + " loss");
            if (!allArrived) {
                // the only acceptable reason: a connection was declared dead on both sides
                assertTrue(net.runUntil(() -> bothSidesGaveUp(checker, clients), 40_000),
                        "seed " + seed + ": data missing on a live connection, " + server.engine().stats());
            }

            // the second client goes silent: the server must time it out
            if (clients[1].engine().isConnected(0) && checker.connected[2]) {
                clients[1].silent(true);
                int peer = peerOf(checker, 2);
                server.engine().timeout(peer, 32, 1000, 3000);
                int before = checker.disconnects;
                assertTrue(net.runUntil(() -> checker.disconnects > before, 10_000), "seed " + seed + ": silent peer never timed out");
            }
            // the first leaves gracefully (or its disconnect times out under loss)
            clients[0].engine().disconnect(0, 0);
            clients[1].engine().disconnectNow(0, 0);
            assertTrue(net.runUntil(() -> idle(server) && idle(clients[0]) && idle(clients[1]), 60_000),
                    "seed " + seed + ": engines never went idle");
            net.run(5);
            for (SimNode n : new SimNode[]{server, clients[0], clients[1]}) {
                assertEquals(0, n.engine().outgoingCommandsInUse(), "seed " + seed + ": outgoing commands leaked");
                assertEquals(0, n.engine().incomingCommandsInUse(), "seed " + seed + ": incoming commands leaked");
                assertEquals(0, n.engine().stats().dropped(DropReason.INTERNAL_ERROR),
                        "seed " + seed + ": " + n.engine().lastInternalError());
            }
            return allArrived;
        }
    }

    private static int peerOf(Checker checker, int client) {
        for (int p = 0; p < 4; p++) {
            if (checker.connected[p] && checker.connectedData[p] == client) {
                return p;
            }
        }
        throw new AssertionError("client " + client + " not connected");
    }

    private static boolean everythingArrived(Checker checker, int[][] sent, SimNode[] clients) {
        for (int c = 1; c <= 2; c++) {
            for (int ch = 0; ch <= RELIABLE_CHANNELS; ch++) {
                if (checker.nextReliable[c][ch] != sent[c][ch]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean bothSidesGaveUp(Checker checker, SimNode[] clients) {
        for (int c = 0; c < 2; c++) {
            if (!clients[c].engine().isActive(0)) {
                boolean serverStillHasIt = false;
                for (int p = 0; p < 4; p++) {
                    serverStillHasIt |= checker.connected[p] && checker.connectedData[p] == c + 1;
                }
                if (!serverStillHasIt) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean idle(SimNode node) {
        for (int p = 0; p < 4; p++) {
            if (p < 1 || node.endpoint() == SERVER) {
                if (node.engine().isActive(p)) {
                    return false;
                }
            }
        }
        return true;
    }
}

package dev.entitynet.examples.localhub;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.link.LinkProfile;
import dev.entitynet.transport.local.LocalHub;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import net.openhft.chronicle.bytes.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A server and N clients on the in-process hub over a lossy, jittery, duplicating link, driven by a
 * simulated clock. Every client sends K packets in each transfer mode; the server checks what the
 * contract promises (reliable: all, once, in order; ordered: never backwards) and reports what the
 * link did. Exits 1 if a promise was broken.
 */
public final class LocalHubDemo {
    private static final int CHANNEL_RELIABLE = 0;
    private static final int CHANNEL_ORDERED = 1;
    private static final int CHANNEL_UNRELIABLE = 2;

    private LocalHubDemo() {
    }

    /** Runs the demo; see the launcher's help for the options. */
    public static int run(String[] args) {
        Arguments options = Arguments.parse(args, Set.of("clients", "packets", "loss", "seed"));
        int clientCount = options.intValue("clients", 4);
        int packets = options.intValue("packets", 2000);
        double loss = options.doubleValue("loss", 0.2);
        long seed = options.longValue("seed", 1);

        ManualClock clock = new ManualClock();
        LinkProfile link = LinkProfile.perfect().withLatencyMillis(30, 10).withLoss(loss).withDuplication(0.05).withReordering(0.1);
        try (LocalHub hub = new LocalHub(clock, seed, link)) {
            MultiplayerPeer server = hub.createServer();
            List<MultiplayerPeer> clients = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                clients.add(hub.createClient());
            }
            ServerChecks checks = new ServerChecks();
            Bytes<?> payload = Bytes.allocateElasticDirect(16);
            PeerEventListener ignore = packet -> { };
            int[] sentBy = new int[clientCount];
            for (int tick = 0; tick < packets + 500; tick++) {
                for (int c = 0; c < clientCount; c++) {
                    MultiplayerPeer client = clients.get(c);
                    client.poll(ignore);
                    if (sentBy[c] < packets && client.connectionStatus() == ConnectionStatus.CONNECTED) {
                        int sequence = sentBy[c]++;
                        send(client, TransferMode.RELIABLE, CHANNEL_RELIABLE, sequence, payload);
                        send(client, TransferMode.UNRELIABLE_ORDERED, CHANNEL_ORDERED, sequence, payload);
                        send(client, TransferMode.UNRELIABLE, CHANNEL_UNRELIABLE, sequence, payload);
                        checks.sent++;
                    }
                }
                server.poll(checks);
                clock.advanceMillis(16);
            }
            payload.releaseLast();
            for (MultiplayerPeer client : clients) {
                client.close();
            }
            clock.advanceMillis(1000);
            server.poll(checks);

            long lost = 0;
            long duplicated = 0;
            for (MultiplayerPeer client : clients) {
                lost += hub.upLine(client).lost();
                duplicated += hub.upLine(client).duplicated();
            }
            System.out.printf("clients %d, packets sent per mode %d, link: 30±10 ms, loss %.0f%%, 5%% duplication, 10%% reordering (seed %d)%n",
                    clientCount, checks.sent, loss * 100, seed);
            System.out.printf("reliable:           %d delivered, %d out of order or duplicated%n", checks.reliable, checks.reliableErrors);
            System.out.printf("unreliable ordered: %d delivered, %d went backwards%n", checks.ordered, checks.orderedErrors);
            System.out.printf("unreliable:         %d delivered (duplicates included)%n", checks.unreliable);
            System.out.printf("link counters:      %d datagrams lost, %d duplicated; server saw %d connects, %d disconnects%n",
                    lost, duplicated, checks.connects, checks.disconnects);
            boolean ok = checks.reliable == checks.sent && checks.reliableErrors == 0 && checks.orderedErrors == 0
                    && checks.disconnects == clientCount;
            System.out.println(ok ? "OK: every promise of the contract held" : "FAILED: a promise of the contract was broken");
            return ok ? 0 : 1;
        }
    }

    private static void send(MultiplayerPeer client, TransferMode mode, int channel, int sequence, Bytes<?> payload) {
        payload.clear();
        payload.writeInt(sequence);
        SendResult result = client.send(1, mode, channel, payload);
        if (result != SendResult.SENT) {
            throw new IllegalStateException("send failed: " + result.description());
        }
    }


    /** Checks the server receives what each mode promises. */
    private static final class ServerChecks implements PeerEventListener {
        final Int2IntOpenHashMap nextReliable = new Int2IntOpenHashMap();
        final Int2IntOpenHashMap lastOrdered = new Int2IntOpenHashMap();
        long sent;
        long reliable;
        long reliableErrors;
        long ordered;
        long orderedErrors;
        long unreliable;
        int connects;
        int disconnects;

        @Override
        public void peerConnected(int peerId) {
            connects++;
            lastOrdered.put(peerId, -1);
        }

        @Override
        public void peerDisconnected(int peerId) {
            disconnects++;
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            int sequence = packet.payload().readInt();
            int sender = packet.senderId();
            switch (packet.mode()) {
                case RELIABLE -> {
                    reliable++;
                    if (sequence != nextReliable.get(sender)) {
                        reliableErrors++;
                    }
                    nextReliable.put(sender, sequence + 1);
                }
                case UNRELIABLE_ORDERED -> {
                    ordered++;
                    if (sequence <= lastOrdered.get(sender)) {
                        orderedErrors++;
                    }
                    lastOrdered.put(sender, sequence);
                }
                case UNRELIABLE -> unreliable++;
            }
        }
    }
}

package dev.entitynet.ecs.guard;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.LocalCluster;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.local.LocalHub;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input from a hand-driven transport peer: dropped, counted against the sender,
 * nothing else changes. RPC ids (names sorted): 0 = "any" (ANY_PEER, INT), 1 = "owned" (AUTHORITY, STRING).
 */
class HostileInputTest {
    private final List<String> calls = new ArrayList<>();
    private final List<String> packets = new ArrayList<>();
    private final Map<String, RpcMethod> owned = new HashMap<>();
    private final Consumer<SceneMultiplayer> declare = mp -> {
        owned.put(mp.rootPath(), mp.declareRpc(RpcConfig.named("owned").args(ArgType.STRING), (e, s, a) -> calls.add(mp.rootPath() + " owned " + a.getString())));
        mp.declareRpc(RpcConfig.named("any").mode(RpcMode.ANY_PEER).args(ArgType.INT), (e, s, a) -> calls.add(mp.rootPath() + " any " + a.getInt() + " from " + s));
        mp.signals().peerPacket.connect((id, p) -> packets.add(mp.rootPath() + " raw from " + id));
    };

    /** A cluster with one real client and an admitted raw peer. */
    private record Setup(LocalCluster cluster, RawPeer raw, int rawId) {
        void tick() {
            cluster.tick();
            raw.poll();
        }

        void ticks(int n) {
            for (int i = 0; i < n; i++) {
                tick();
            }
        }

        long violations(Violation v) {
            return cluster.server.violations().count(rawId, v);
        }
    }

    private Setup setup(long seed) {
        LocalCluster c = new LocalCluster(seed, 1, declare);
        RawPeer raw = new RawPeer(c.hub.createClient());
        Setup s = new Setup(c, raw, raw.peer.uniqueId());
        s.ticks(2);
        raw.hello(1, c.server.rpcFingerprint());
        s.ticks(4);
        assertTrue(c.server.peers().contains(s.rawId()), "raw peer admitted");
        return s;
    }

    private static int[] bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return out;
    }

    private static int[] concat(int[]... parts) {
        IntArrayList all = new IntArrayList();
        for (int[] p : parts) {
            all.addElements(all.size(), p);
        }
        return all.toIntArray();
    }

    @Test
    void malformedCommandsUnknownIdsAndAuthorityBreachesAreDroppedAndCounted() {
        Setup s = setup(41);
        try (LocalCluster c = s.cluster()) {
            IntArrayList peersBefore = new IntArrayList(c.server.peers());
            s.raw().send(1);                                            // empty
            s.raw().send(1, 3 | 0x10, 1);                               // RAW with flags
            s.raw().send(1, 0, 200, 0, 1, 0, 0, 0);                     // RPC: unknown cache id 200
            s.raw().send(1, concat(new int[] {0x30, 5, 0}, bytes("Nope!"), new int[] {0, 1, 0, 0, 0})); // unknown inline path
            s.raw().send(1, concat(new int[] {0x30, 9, 0}, bytes("Level/Bob"), new int[] {7}));         // unknown method id 7
            s.raw().send(1, concat(new int[] {0x30, 9, 0}, bytes("Level/Bob"), new int[] {1, 1, 0, 0, 0, 'x'})); // AUTHORITY by a client
            s.raw().send(1, concat(new int[] {0x30, 9, 0}, bytes("Level/Bob"), new int[] {0, 1, 0}));          // truncated int
            s.raw().send(1, concat(new int[] {0x30, 9, 0}, bytes("Level/Bob"), new int[] {0, 1, 0, 0, 0, 9})); // trailing byte
            s.raw().send(1, concat(new int[] {0x80 | 0x30, 9, 0}, bytes("Level/Bob"), new int[] {0, 1, 0, 0, 0})); // reserved flag
            s.raw().send(1, 0x30, 0xFF, 0xFF);                          // path length past the end
            s.raw().send(1, 2, 1, 0, 0);                                // CONFIRM_PATH too short
            s.raw().send(1, 2, 1, 99, 0, 0, 0);                         // CONFIRM_PATH of an id never announced
            s.raw().send(1, 7, 1, 5, 0, 0, 0);                          // ADD_PEER to the server
            s.raw().send(1, 7, 9);                                      // unknown SYS command
            s.raw().send(1, 7, 4, 0, 0, 0, 0);                          // second hello
            s.raw().send(1, 7, 3, 0, 0, 0, 0, 7, 0);                    // relay of a SYS packet
            s.raw().send(1, 7, 3, 0, 0, 0);                             // relay too short
            s.raw().send(1, 4, 1, 2, 3);                                // SPAWN without a replication layer
            s.raw().send(1, concat(new int[] {1, 1, 0, 0, 0, 9, 0}, bytes("Level/Bob")));  // SIMPLIFY_PATH id 1: fine
            s.raw().send(1, concat(new int[] {1, 1, 0, 0, 0, 9, 0}, bytes("Level/Bob")));  // ...twice: abuse
            s.raw().send(1, concat(new int[] {1, 2, 0, 0, 0, 2, 0}, new int[] {0xC3, 0x28})); // invalid UTF-8
            s.ticks(3);

            assertEquals(List.of(), calls);
            assertEquals(List.of(), packets);
            assertEquals(peersBefore, new IntArrayList(c.server.peers()));
            assertEquals(9, s.violations(Violation.MALFORMED), "empty, RAW flags, reserved flag, path past end, confirm size, unknown SYS, relay SYS, relay short, bad UTF-8");
            assertEquals(3, s.violations(Violation.UNKNOWN_PATH));
            assertEquals(1, s.violations(Violation.UNKNOWN_RPC));
            assertEquals(1, s.violations(Violation.NOT_AUTHORITY));
            assertEquals(2, s.violations(Violation.BAD_ARGUMENTS));
            assertEquals(2, s.violations(Violation.UNEXPECTED_COMMAND), "ADD_PEER to the server, SPAWN without replication");
            assertEquals(1, s.violations(Violation.DUPLICATE_HELLO));
            assertEquals(1, s.violations(Violation.PATH_CACHE_ABUSE));
            assertEquals(0, c.client(0).violations().total());

            // The well-formed parts still work: the cache id announced above now carries an ANY_PEER call.
            s.raw().send(1, 0x00, 1, 0, 5, 0, 0, 0);
            s.ticks(2);
            assertEquals(List.of("server any 5 from " + s.rawId()), calls);
        }
    }

    @Test
    void oversizeArgumentsAreDropped() {
        Setup s = setup(42);
        try (LocalCluster c = s.cluster()) {
            c.server.maxRpcArgumentBytes(8);
            int[] longString = new int[40];
            s.raw().send(1, concat(new int[] {0x30, 9, 0}, bytes("Level/Bob"), new int[] {0}, new int[] {40, 0, 0, 0}, longString));
            s.ticks(2);
            assertEquals(1, s.violations(Violation.OVERSIZE));
            assertEquals(List.of(), calls);
        }
    }

    @Test
    void pendingPeersMaySendOnlyHelloAndAuth() {
        try (LocalCluster c = new LocalCluster(43, 0, declare)) {
            RawPeer raw = new RawPeer(c.hub.createClient());
            c.tick();
            raw.poll();
            c.tick();
            int id = raw.peer.uniqueId();
            raw.send(1, 3, 1, 2);
            raw.send(1, concat(new int[] {0x30, 9, 0}, bytes("Level/Bob"), new int[] {0, 1, 0, 0, 0}));
            raw.send(1, 7, 0, 1, 2);                                    // AUTH before hello
            c.tick();
            assertEquals(3, c.server.violations().count(id, Violation.NOT_ADMITTED));
            assertTrue(c.server.peers().isEmpty());
            assertEquals(List.of(), calls);
            assertEquals(List.of(), packets);
        }
    }

    @Test
    void helloFromAnotherProtocolVersionIsRefusedWithAReason() {
        List<String> failures = new ArrayList<>();
        try (LocalCluster c = new LocalCluster(44, 0, mp -> {
            declare.accept(mp);
            mp.signals().handshakeFailed.connect((id, reason, detail) -> failures.add(reason + ": " + detail));
        })) {
            RawPeer raw = new RawPeer(c.hub.createClient());
            c.tick();
            raw.poll();
            raw.send(1, 7, 4, 0x45, 0x4E, 0x54, 0x4E, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            c.ticks(2);
            raw.poll();
            assertEquals(1, failures.size(), failures.toString());
            assertTrue(failures.get(0).startsWith("PROTOCOL_VERSION_MISMATCH") && failures.get(0).contains("speaks entitynet protocol version 99"), failures.get(0));
            assertTrue(raw.disconnected.contains(1), "the server hung up");
        }
    }

    @Test
    void aClientCannotForgeTheRelaySourceAndTheServerSetsIt() {
        Setup s = setup(45);
        try (LocalCluster c = s.cluster()) {
            int realClient = c.client(0).uniqueId();
            // A client's envelope names the destination; the server replaces it with the real source.
            s.raw().send(1, concat(new int[] {7, 3}, le(realClient), new int[] {3, 'h', 'i'}));
            s.ticks(3);
            assertEquals(List.of("client0 raw from " + s.rawId()), packets);
            // Relay off: not forwarded, counted.
            c.server.serverRelay(false);
            s.raw().send(1, concat(new int[] {7, 3}, le(realClient), new int[] {3, 'h', 'i'}));
            s.ticks(3);
            assertEquals(1, packets.size());
            assertEquals(1, s.violations(Violation.RELAY_DISABLED));
        }
    }

    @Test
    void aClientDropsRelaysFromUnknownSourcesAndBadPeerNotices() {
        ManualClock clock = new ManualClock();
        try (LocalHub hub = new LocalHub(clock, 46)) {
            RawPeer fakeServer = new RawPeer(hub.createServer());
            World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
            world.getSystem(EntityPaths.class).setName(world.create(), "me", -1);
            SceneMultiplayer client = new SceneMultiplayer(world, "me", clock);
            declare.accept(client);
            client.multiplayerPeer(hub.createClient());
            for (int i = 0; i < 3; i++) {
                clock.advanceMillis(1);
                world.process();
                fakeServer.poll();
            }
            int id = client.uniqueId();
            fakeServer.hello(id, client.rpcFingerprint());
            clock.advanceMillis(1);
            world.process();
            assertEquals(IntArrayList.of(1), new IntArrayList(client.peers()));
            fakeServer.send(id, concat(new int[] {7, 3}, le(12345), new int[] {3, 'x'}));   // unknown source
            fakeServer.send(id, concat(new int[] {7, 1}, le(1)));                              // ADD_PEER of the server
            fakeServer.send(id, concat(new int[] {7, 1}, le(id)));                             // ADD_PEER of itself
            fakeServer.send(id, concat(new int[] {7, 2}, le(777)));                            // DEL_PEER of nobody
            fakeServer.send(id, concat(new int[] {7, 1}, le(555)));                            // fine
            fakeServer.send(id, concat(new int[] {7, 3}, le(555), new int[] {7, 1, 0, 0, 0, 0})); // relayed SYS
            clock.advanceMillis(1);
            world.process();
            assertEquals(1, client.violations().count(1, Violation.FORGED_SENDER));
            assertEquals(3, client.violations().count(1, Violation.MALFORMED));
            assertEquals(1, client.violations().count(555, Violation.MALFORMED));
            assertEquals(IntArrayList.of(1, 555), new IntArrayList(client.peers()));
            assertEquals(List.of(), packets);
            world.dispose();
        }
    }

    @Test
    void seededRandomGarbageNeverThrowsNorChangesState() {
        long seed = Long.getLong("entitynet.seed", 0x5EEDL);
        SplittableRandom random = new SplittableRandom(seed);
        Setup s = setup(47);
        try (LocalCluster c = s.cluster()) {
            IntArrayList serverPeers = new IntArrayList(c.server.peers());
            IntArrayList clientPeers = new IntArrayList(c.client(0).peers());
            int[] commonFirst = {0x00, 0x10, 0x20, 0x30, 0x40, 0x01, 0x02, 0x03, 0x07};
            for (int round = 0; round < 40; round++) {
                for (int i = 0; i < 50; i++) {
                    byte[] data = new byte[random.nextInt(0, 48)];
                    random.nextBytes(data);
                    if (data.length > 0 && random.nextBoolean()) {
                        data[0] = (byte) commonFirst[random.nextInt(commonFirst.length)];
                    }
                    if (data.length > 1 && data[0] == 7 && random.nextBoolean()) {
                        data[1] = (byte) random.nextInt(0, 6);
                    }
                    s.raw().sendBytes(1, data);
                }
                s.tick();
            }
            String why = "seed " + seed;
            assertTrue(calls.stream().allMatch(call -> call.startsWith("server any") || call.startsWith("client0 any")), why + " " + calls);
            assertEquals(serverPeers, new IntArrayList(c.server.peers()), why);
            assertEquals(clientPeers, new IntArrayList(c.client(0).peers()), why);
            assertTrue(c.server.violations().count(s.rawId()) > 1000, why);
            // Still working afterwards.
            c.server.rpc(c.entity(c.server, "Level/Bob"), owned.get("server")).putString("ok").send();
            s.ticks(3);
            assertTrue(calls.contains("client0 owned ok"), why + " " + calls);
        }
    }

    @Test
    void theViolationPolicyCanDisconnectTheOffender() {
        Setup s = setup(48);
        try (LocalCluster c = s.cluster()) {
            c.server.violationPolicy(ViolationPolicy.disconnectAfter(3));
            List<Integer> gone = new ArrayList<>();
            c.server.signals().peerDisconnected.connect(gone::add);
            s.raw().send(1);
            s.raw().send(1);
            s.tick();
            assertTrue(c.server.peers().contains(s.rawId()));
            s.raw().send(1);
            s.raw().send(1);
            s.ticks(3);
            assertTrue(!c.server.peers().contains(s.rawId()));
            assertTrue(s.raw().disconnected.contains(1));
            assertEquals(List.of(), gone, "disconnect_peer emits no peer_disconnected, as in Godot");
            assertEquals(IntArrayList.of(1), new IntArrayList(c.client(0).peers()), "the other client was told");
        }
    }

    private static int[] le(int value) {
        return new int[] {value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF, (value >>> 24) & 0xFF};
    }
}

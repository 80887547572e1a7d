package dev.entitynet.ecs.rpc;

import dev.entitynet.ecs.LocalCluster;
import dev.entitynet.ecs.ReplicationHooks;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.signal.HandshakeFailure;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcTest {
    private final List<String> calls = new ArrayList<>();
    private final List<RpcMethod> setName = new ArrayList<>();
    private final List<RpcMethod> shout = new ArrayList<>();
    private final List<RpcMethod> everything = new ArrayList<>();
    private final List<RpcMethod> object = new ArrayList<>();

    /** A 2D point with a codec, for OBJECT arguments. */
    public record Point(int x, int y) {
    }

    private final Consumer<SceneMultiplayer> declare = mp -> {
        setName.add(mp.declareRpc(RpcConfig.named("set_name").args(ArgType.STRING, ArgType.INT),
                (entity, sender, args) -> calls.add(mp.rootPath() + ":" + mp.rootPath().length() + ":" + sender + ":" + mp.remoteSenderId()
                        + ":" + args.getString() + ":" + args.getInt())));
        shout.add(mp.declareRpc(RpcConfig.named("shout").mode(RpcMode.ANY_PEER).callLocal(true).transferMode(TransferMode.UNRELIABLE_ORDERED).channel(1),
                (entity, sender, args) -> calls.add(mp.rootPath() + " shout from " + sender + " rsid " + mp.remoteSenderId())));
        everything.add(mp.declareRpc(RpcConfig.named("everything").mode(RpcMode.ANY_PEER).args(ArgType.BOOL, ArgType.BYTE, ArgType.SHORT,
                ArgType.INT, ArgType.LONG, ArgType.FLOAT, ArgType.DOUBLE, ArgType.STRING, ArgType.BYTES),
                (entity, sender, args) -> {
                    byte[] bytes = new byte[8];
                    boolean b = args.getBool();
                    byte by = args.getByte();
                    short s = args.getShort();
                    int i = args.getInt();
                    long l = args.getLong();
                    float f = args.getFloat();
                    double d = args.getDouble();
                    String str = args.getString();
                    int n = args.getBytes(bytes);
                    calls.add(b + " " + by + " " + s + " " + i + " " + l + " " + f + " " + d + " " + str + " " + n + ":" + bytes[n - 1]);
                }));
        object.add(mp.declareRpc(RpcConfig.named("object").mode(RpcMode.ANY_PEER).args(ArgType.OBJECT),
                (entity, sender, args) -> calls.add(mp.rootPath() + " got " + args.getObject(Point.class))));
        mp.objectCodecs().register(1, Point.class, new ObjectCodec<>() {
            @Override
            public void write(Point value, Bytes<?> out) {
                out.writeInt(value.x());
                out.writeInt(value.y());
            }

            @Override
            public Point read(Bytes<?> in) {
                return new Point(in.readInt(), in.readInt());
            }
        });
    };

    @Test
    void authorityCallReachesEveryClientWithTheSenderSet() {
        try (LocalCluster c = new LocalCluster(11, 2, declare)) {
            c.ticks(5);
            int bob = c.entity(c.server, "Level/Bob");
            assertEquals(SendResult.SENT, c.server.rpc(bob, setName.get(0)).putString("Bob the Builder").putInt(42).send());
            c.ticks(3);
            assertEquals(List.of("client0:7:1:1:Bob the Builder:42", "client1:7:1:1:Bob the Builder:42"), calls);
            assertEquals(0, c.client(0).remoteSenderId());
        }
    }

    @Test
    void authorityRuleIsEnforcedOnReceive() {
        try (LocalCluster c = new LocalCluster(12, 1, declare)) {
            c.ticks(5);
            SceneMultiplayer client = c.client(0);
            int bob = c.entity(client, "Level/Bob");
            client.rpcId(1, bob, setName.get(1)).putString("mine").putInt(1).send();
            c.ticks(3);
            assertEquals(List.of(), calls);
            assertEquals(1, c.server.violations().count(client.uniqueId(), Violation.NOT_AUTHORITY));

            for (SceneMultiplayer mp : List.of(c.server, client)) {
                c.authorities.setAuthority(c.entity(mp, "Level/Bob"), client.uniqueId(), true);
            }
            client.rpcId(1, bob, setName.get(1)).putString("mine").putInt(2).send();
            c.ticks(3);
            assertEquals(List.of("server:6:" + client.uniqueId() + ":" + client.uniqueId() + ":mine:2"), calls);
        }
    }

    @Test
    void authorityChecksFollowEachEntitysOwnAuthorityNotItsParents() {
        try (LocalCluster c = new LocalCluster(22, 1, declare)) {
            c.ticks(5);
            SceneMultiplayer client = c.client(0);
            int me = client.uniqueId();
            // Level is Bob's parent: giving Level to the client without recursion leaves Bob at 1
            for (SceneMultiplayer mp : List.of(c.server, client)) {
                c.authorities.setAuthority(c.entity(mp, "Level"), me, false);
            }
            assertEquals(1, c.authorities.authorityOf(c.entity(c.server, "Level/Bob")));
            client.rpcId(1, c.entity(client, "Level/Bob"), setName.get(1)).putString("child").putInt(1).send();
            client.rpcId(1, c.entity(client, "Level"), setName.get(1)).putString("parent").putInt(2).send();
            c.ticks(3);
            assertEquals(List.of("server:6:" + me + ":" + me + ":parent:2"), calls);
            assertEquals(1, c.server.violations().count(me, Violation.NOT_AUTHORITY));

            for (SceneMultiplayer mp : List.of(c.server, client)) {
                c.authorities.setAuthority(c.entity(mp, "Level"), me, true);
            }
            client.rpcId(1, c.entity(client, "Level/Bob"), setName.get(1)).putString("child").putInt(3).send();
            c.ticks(3);
            assertEquals("server:6:" + me + ":" + me + ":child:3", calls.get(1));
        }
    }

    @Test
    void anyPeerBroadcastIsRelayedWithTheServerSettingTheSenderAndCallLocalRunsHere() {
        try (LocalCluster c = new LocalCluster(13, 2, declare)) {
            c.ticks(5);
            SceneMultiplayer from = c.client(0);
            int me = from.uniqueId();
            from.rpc(c.entity(from, "Level/Bob"), shout.get(1)).send();
            c.ticks(4);
            assertTrue(calls.contains("client0 shout from " + me + " rsid " + me), calls.toString());
            assertTrue(calls.contains("server shout from " + me + " rsid " + me), calls.toString());
            assertTrue(calls.contains("client1 shout from " + me + " rsid " + me), calls.toString());
            assertEquals(3, calls.size(), calls.toString());
        }
    }

    @Test
    void pathCacheSwitchesFromInlinePathToCacheIdOnceConfirmed() {
        try (LocalCluster c = new LocalCluster(14, 1, declare)) {
            c.ticks(5);
            int clientId = c.client(0).uniqueId();
            int bob = c.entity(c.server, "Level/Bob");
            c.server.rpc(bob, setName.get(0)).putString("a").putInt(1).send();
            ReplicationHost server = c.server.replication(null); // the path cache is on the engine's side
            ReplicationHost client = c.client(0).replication(null);
            int cacheId = server.pathCacheIdFor(clientId, bob);
            assertTrue(!server.isPathConfirmed(clientId, cacheId));
            c.ticks(3);
            assertTrue(server.isPathConfirmed(clientId, cacheId));
            assertEquals(c.entity(c.client(0), "Level/Bob"), client.entityForCacheId(1, cacheId));
            c.server.rpc(bob, setName.get(0)).putString("b").putInt(2).send();
            c.ticks(3);
            assertEquals(2, calls.size(), calls.toString());

            // A rename invalidates the cache on both sides: the next call announces the new path.
            c.paths.setName(c.entity(c.client(0), "Level/Bob"), "Robert", c.entity(c.client(0), "Level"));
            assertEquals(-1, client.entityForCacheId(1, cacheId));
        }
    }

    @Test
    void rpcIdReachesOnlyTheTargetAndAClientReachesAnotherThroughTheRelay() {
        try (LocalCluster c = new LocalCluster(15, 3, declare)) {
            c.ticks(5);
            int target = c.client(2).uniqueId();
            c.client(0).rpcId(target, c.entity(c.client(0), "Level/Bob"), shout.get(1)).send();
            c.ticks(5);
            assertEquals(List.of("client2 shout from " + c.client(0).uniqueId() + " rsid " + c.client(0).uniqueId()), calls);
            // Second call goes by cache id through the relay.
            c.client(0).rpcId(target, c.entity(c.client(0), "Level/Bob"), shout.get(1)).send();
            c.ticks(5);
            assertEquals(2, calls.size());
            assertEquals(0, c.server.violations().total() + c.client(2).violations().total());
        }
    }

    @Test
    void everyArgumentTypeRoundTrips() {
        try (LocalCluster c = new LocalCluster(16, 1, declare)) {
            c.ticks(5);
            c.client(0).rpcId(1, c.entity(c.client(0), "Level/Bob"), everything.get(1))
                    .putBool(true).putByte((byte) -3).putShort((short) 300).putInt(-70000).putLong(1L << 40)
                    .putFloat(1.5f).putDouble(-2.25).putString("héllo ✓ 𝄞").putBytes(new byte[] {1, 2, 9}, 0, 3).send();
            c.ticks(3);
            assertEquals(List.of("true -3 300 -70000 1099511627776 1.5 -2.25 héllo ✓ 𝄞 3:9"), calls);
        }
    }

    @Test
    void writerRejectsWrongTypesMissingArgumentsAndOversize() {
        try (LocalCluster c = new LocalCluster(17, 1, declare)) {
            c.ticks(5);
            int bob = c.entity(c.server, "Level/Bob");
            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> c.server.rpc(bob, setName.get(0)).putInt(1));
            assertTrue(wrongType.getMessage().contains("declared STRING"), wrongType.getMessage());
            IllegalStateException missing = assertThrows(IllegalStateException.class, () -> c.server.rpc(bob, setName.get(0)).putString("x").send());
            assertTrue(missing.getMessage().contains("takes 2 arguments"), missing.getMessage());
            c.server.maxRpcArgumentBytes(16);
            assertThrows(IllegalArgumentException.class, () -> c.server.rpc(bob, setName.get(0)).putString("far more than sixteen bytes"));
            assertThrows(IllegalArgumentException.class, () -> c.server.rpc(bob, setName.get(1)), "method of another instance");
            assertThrows(IllegalArgumentException.class, () -> c.server.rpc(c.entity(c.client(0), "Level/Bob"), setName.get(0)), "entity outside the root");
        }
    }

    @Test
    void objectArgumentsDecodeOnlyWhenAllowed() {
        try (LocalCluster c = new LocalCluster(18, 1, declare)) {
            c.ticks(5);
            int bob = c.entity(c.client(0), "Level/Bob");
            c.client(0).rpcId(1, bob, object.get(1)).putObject(new Point(3, 4)).send();
            c.ticks(3);
            assertEquals(List.of(), calls);
            assertEquals(1, c.server.violations().count(c.client(0).uniqueId(), Violation.OBJECT_DECODING_REFUSED));
            c.server.allowObjectDecoding(true);
            c.client(0).rpcId(1, bob, object.get(1)).putObject(new Point(3, 4)).send();
            c.ticks(3);
            assertEquals(List.of("server got Point[x=3, y=4]"), calls);
        }
    }

    @Test
    void visibilityFiltersBroadcastsAndEveryCallThatSkipsAPeerSaysNotVisible() {
        try (LocalCluster c = new LocalCluster(19, 2, declare)) {
            c.ticks(5);
            int hidden = c.client(1).uniqueId();
            c.server.replication(new VisibleToAllBut(hidden));
            int bob = c.entity(c.server, "Level/Bob");
            assertEquals(SendResult.NOT_VISIBLE, c.server.rpc(bob, setName.get(0)).putString("x").putInt(1).send(),
                    "a broadcast that skipped a peer is not SENT");
            assertEquals(SendResult.NOT_VISIBLE, c.server.rpcId(hidden, bob, setName.get(0)).putString("y").putInt(2).send());
            assertEquals(SendResult.SENT, c.server.rpcId(c.client(0).uniqueId(), bob, setName.get(0)).putString("z").putInt(3).send());
            c.ticks(3);
            assertEquals(List.of("client0:7:1:1:x:1", "client0:7:1:1:z:3"), calls);
            assertEquals(2, c.server.sendCounters().count(SendResult.NOT_VISIBLE));
            assertEquals(2, c.server.sendCounters().total());
        }
    }

    @Test
    void aRootPathThatNamesNoEntityMakesCallsReturnNoRootUntilItDoes() {
        try (LocalCluster c = new LocalCluster(23, 0, declare)) {
            SceneMultiplayer later = new SceneMultiplayer(c.world, "Later", new dev.entitynet.transport.clock.ManualClock());
            declare.accept(later);
            int bob = c.world.create();
            assertEquals(-2, later.rootEntity());
            assertEquals(SendResult.NO_ROOT, later.rpc(bob, setName.get(1)).putString("a").putInt(1).send());
            assertEquals(1, later.sendCounters().count(SendResult.NO_ROOT));
            int root = c.world.create();
            c.paths.setName(root, "Later", -1);
            c.paths.setName(bob, "Bob", root);
            assertEquals(SendResult.SENT, later.rpc(bob, setName.get(1)).putString("b").putInt(2).send(), "offline: nobody to reach");
            assertEquals(1, later.sendCounters().total());
        }
    }

    @Test
    void differentRpcTablesRefuseEachOtherWithAReason() {
        List<String> failures = new ArrayList<>();
        boolean[] first = {true};
        try (LocalCluster c = new LocalCluster(20, 0, mp -> {
            declare.accept(mp);
            if (first[0]) {
                mp.declareRpc(RpcConfig.named("extra"), (e, s, a) -> { });
                first[0] = false;
            }
            mp.signals().handshakeFailed.connect((id, reason, detail) -> failures.add(mp.rootPath() + " " + reason + " " + detail));
        })) {
            SceneMultiplayer client = c.addClient(mp -> {
                declare.accept(mp);
                mp.signals().handshakeFailed.connect((id, reason, detail) -> failures.add(mp.rootPath() + " " + reason));
            });
            List<String> clientEvents = new ArrayList<>();
            client.signals().connectionFailed.connect(() -> clientEvents.add("connection_failed"));
            c.ticks(5);
            assertTrue(c.server.peers().isEmpty());
            assertTrue(client.peers().isEmpty());
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("server " + HandshakeFailure.RPC_TABLE_MISMATCH) && f.contains("declare the same RPCs")), failures.toString());
            assertTrue(failures.contains("client0 " + HandshakeFailure.RPC_TABLE_MISMATCH), failures.toString());
            assertEquals(List.of("connection_failed"), clientEvents);
        }
    }

    @Test
    void declaringAfterThePeerIsSetFailsLoudly() {
        try (LocalCluster c = new LocalCluster(21, 0, declare)) {
            IllegalStateException late = assertThrows(IllegalStateException.class, () -> c.server.declareRpc(RpcConfig.named("late"), (e, s, a) -> { }));
            assertTrue(late.getMessage().contains("before"), late.getMessage());
        }
    }

    /** Replication stub: everything is visible except to one peer. */
    private record VisibleToAllBut(int hidden) implements ReplicationHooks {
        @Override public void peerAdded(int peerId) { }
        @Override public void peerRemoved(int peerId) { }
        @Override public void spawnReceived(int senderId, Bytes<?> packet) { }
        @Override public void despawnReceived(int senderId, Bytes<?> packet) { }
        @Override public void syncReceived(int senderId, Bytes<?> packet, boolean delta) { }
        @Override public void snapshotReceived(int senderId, Bytes<?> packet) { }
        @Override public void snapshotAckReceived(int senderId, Bytes<?> packet) { }
        @Override public void networkProcess() { }
        @Override public SendResult reach(int entity, int peerId) { return peerId != hidden ? SendResult.SENT : SendResult.NOT_VISIBLE; }
        @Override public void flushSpawns(int entity) { }
        @Override public void reset() { }
    }
}

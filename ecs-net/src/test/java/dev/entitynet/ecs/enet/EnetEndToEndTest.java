package dev.entitynet.ecs.enet;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scene layer over real UDP on loopback with {@link EnetMultiplayerPeer}: peers, relay,
 * authentication, RPCs with the path cache, raw packets and garbage, one World per peer (separate
 * processes in real life). Waits poll with a generous deadline; nothing asserts on time.
 */
class EnetEndToEndTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    private final List<World> worlds = new ArrayList<>();
    private final List<MultiplayerPeer> transports = new ArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<SceneMultiplayer, RpcMethod> chat = new HashMap<>();
    private final Map<SceneMultiplayer, RpcMethod> announce = new HashMap<>();
    private int port;

    @AfterEach
    void close() {
        transports.forEach(MultiplayerPeer::close);
        worlds.forEach(World::dispose);
    }

    private SceneMultiplayer node(String name, boolean auth, String password) {
        World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        worlds.add(world);
        EntityPaths paths = world.getSystem(EntityPaths.class);
        int root = world.create();
        paths.setName(root, "Game", -1);
        int lobby = world.create();
        paths.setName(lobby, "Lobby", root);
        SceneMultiplayer mp = new SceneMultiplayer(world, "Game", Clock.system());
        chat.put(mp, mp.declareRpc(RpcConfig.named("chat").mode(RpcMode.ANY_PEER).args(ArgType.STRING),
                (e, sender, args) -> log.add(name + " chat from " + sender + ": " + args.getString())));
        announce.put(mp, mp.declareRpc(RpcConfig.named("announce").args(ArgType.STRING, ArgType.INT),
                (e, sender, args) -> log.add(name + " announce from " + sender + ": " + args.getString() + " " + args.getInt())));
        mp.signals().peerPacket.connect((id, bytes) -> {
            byte[] copy = new byte[(int) bytes.readRemaining()];
            bytes.read(bytes.readPosition(), copy, 0, copy.length);
            log.add(name + " raw from " + id + ": " + new String(copy, StandardCharsets.UTF_8));
        });
        mp.signals().peerConnected.connect(id -> log.add(name + " +" + id));
        mp.signals().peerAuthenticationFailed.connect(id -> log.add(name + " auth failed " + id));
        mp.signals().handshakeFailed.connect((id, reason, detail) -> log.add(name + " handshake " + reason));
        if (auth) {
            if (name.equals("server")) {
                mp.authCallback((id, data) -> {
                    byte[] copy = new byte[(int) data.readRemaining()];
                    data.read(data.readPosition(), copy, 0, copy.length);
                    if (new String(copy, StandardCharsets.UTF_8).equals("hunter2")) {
                        mp.completeAuth(id);
                    } else {
                        mp.disconnectPeer(id);
                    }
                });
            } else {
                mp.authCallback((id, data) -> { });
                mp.signals().peerAuthenticating.connect(id -> {
                    mp.sendAuth(id, password.getBytes(StandardCharsets.UTF_8));
                    mp.completeAuth(id);
                });
            }
        }
        return mp;
    }

    private SceneMultiplayer server(boolean auth) {
        SceneMultiplayer mp = node("server", auth, null);
        EnetMultiplayerPeer peer = EnetMultiplayerPeer.createServer(ANY, 8, 2, 0, 0, EnetHostOptions.defaults());
        transports.add(peer);
        port = peer.host().localAddress().getPort();
        mp.multiplayerPeer(peer);
        return mp;
    }

    private SceneMultiplayer client(String name, long seed, boolean auth, String password) {
        SceneMultiplayer mp = node(name, auth, password);
        EnetMultiplayerPeer peer = EnetMultiplayerPeer.createClient(new InetSocketAddress("127.0.0.1", port), 2, 0, 0, ANY,
                EnetHostOptions.defaults(), new SplittableRandom(seed));
        transports.add(peer);
        mp.multiplayerPeer(peer);
        return mp;
    }

    private void runUntil(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what + "; log: " + log);
            }
            for (World w : worlds) {
                w.process();
            }
            LockSupport.parkNanos(500_000);
        }
    }

    private static int lobby(SceneMultiplayer mp) {
        return mp.entityPaths().resolveFrom(mp.rootEntity(), "Lobby");
    }

    @Test
    void peersMeetRelayAndCallEachOtherOverUdp() {
        SceneMultiplayer server = server(false);
        SceneMultiplayer a = client("a", 1, false, null);
        SceneMultiplayer b = client("b", 2, false, null);
        runUntil("everyone admitted and relayed", () -> server.peers().size() == 2 && a.peers().size() == 2 && b.peers().size() == 2);

        for (int i = 0; i < 3; i++) {
            server.rpc(lobby(server), announce.get(server)).putString("round").putInt(i).send();
        }
        a.rpc(lobby(a), chat.get(a)).putString("hello all").send();
        b.rpcId(a.uniqueId(), lobby(b), chat.get(b)).putString("psst").send();
        a.sendBytes("raw to b".getBytes(StandardCharsets.UTF_8), 0, 8, b.uniqueId(), TransferMode.RELIABLE, 0);
        runUntil("all calls arrived", () -> log.contains("a announce from 1: round 2") && log.contains("b announce from 1: round 2")
                && log.contains("server chat from " + a.uniqueId() + ": hello all") && log.contains("b chat from " + a.uniqueId() + ": hello all")
                && log.contains("a chat from " + b.uniqueId() + ": psst") && log.contains("b raw from " + a.uniqueId() + ": raw to b"));
        ReplicationHost engine = server.replication(null); // the path cache is on the engine's side
        int cacheId = engine.pathCacheIdFor(a.uniqueId(), lobby(server));
        runUntil("a confirmed the path", () -> engine.isPathConfirmed(a.uniqueId(), cacheId));
        server.rpc(lobby(server), announce.get(server)).putString("by cache id").putInt(9).send();
        runUntil("the call by cache id arrived", () -> log.contains("a announce from 1: by cache id 9"));
        assertEquals(0, server.violations().total() + a.violations().total() + b.violations().total());
    }

    @Test
    void passwordAuthenticationAdmitsTheRightOneAndRefusesTheWrongOne() {
        SceneMultiplayer server = server(true);
        SceneMultiplayer good = client("good", 3, true, "hunter2");
        SceneMultiplayer bad = client("bad", 4, true, "guess");
        runUntil("good admitted, bad refused", () -> server.peers().size() == 1 && good.peers().size() == 1 && log.contains("bad auth failed 1"));
        assertEquals(List.of(good.uniqueId()), List.copyOf(server.peers()));
        assertTrue(bad.peers().isEmpty());
    }

    @Test
    void aSilentPeerTimesOutOfAuthentication() {
        SceneMultiplayer server = server(true);
        server.authTimeoutNanos(100_000_000L);
        SceneMultiplayer silent = client("silent", 6, false, null);
        silent.authCallback((id, data) -> { });
        runUntil("the server gave up on the silent client", () -> log.contains("server handshake AUTH_TIMEOUT")
                && log.contains("server auth failed " + silent.uniqueId()));
        assertTrue(server.peers().isEmpty());
        assertTrue(server.authenticatingPeers().isEmpty());
    }

    @Test
    void differentRpcSetsRefuseEachOtherOverUdp() {
        SceneMultiplayer server = server(false);
        SceneMultiplayer other = node("other", false, null);
        other.declareRpc(RpcConfig.named("only_here"), (e, s, a) -> { });
        EnetMultiplayerPeer peer = EnetMultiplayerPeer.createClient(new InetSocketAddress("127.0.0.1", port), 2, 0, 0, ANY,
                EnetHostOptions.defaults(), new SplittableRandom(7));
        transports.add(peer);
        other.multiplayerPeer(peer);
        runUntil("both sides saw the mismatch", () -> log.contains("server handshake RPC_TABLE_MISMATCH")
                && log.contains("other handshake RPC_TABLE_MISMATCH"));
        assertTrue(server.peers().isEmpty());
    }

    @Test
    void garbageOverUdpIsCountedAndChangesNothing() {
        SceneMultiplayer server = server(false);
        SceneMultiplayer a = client("a", 5, false, null);
        runUntil("admitted", () -> server.peers().size() == 1 && a.peers().size() == 1);
        SplittableRandom random = new SplittableRandom(0xBAD);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(1, 40)];
            random.nextBytes(junk);
            junk[0] = (byte) (junk[0] & 0x77);
            a.peer().send(1, TransferMode.RELIABLE, 0, junk, 0, junk.length);
        }
        a.rpc(lobby(a), chat.get(a)).putString("still here").send();
        runUntil("the honest call after the garbage", () -> log.contains("server chat from " + a.uniqueId() + ": still here"));
        assertTrue(server.violations().total() > 100, "dropped: " + server.violations().total());
        assertEquals(List.of(a.uniqueId()), List.copyOf(server.peers()));
        assertTrue(server.violations().count(a.uniqueId(), Violation.MALFORMED) > 0);
    }
}

package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.rpc.ArgType;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcMode;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replication over real UDP on loopback with {@link EnetMultiplayerPeer}: one World per peer, a
 * server and two clients. Waits poll with a generous deadline; nothing asserts on time.
 */
class EnetReplicationTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    private final List<ReplicationCluster.Node> nodes = new ArrayList<>();
    private final List<World> worlds = new ArrayList<>();
    private final List<MultiplayerPeer> transports = new ArrayList<>();

    @AfterEach
    void close() {
        for (ReplicationCluster.Node n : nodes) {
            n.replication.close();
        }
        transports.forEach(MultiplayerPeer::close);
        worlds.forEach(World::dispose);
    }

    private void runUntil(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            for (World w : worlds) {
                w.process();
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static boolean converged(ReplicationCluster.Node server, ReplicationCluster.Node client, IntArrayList live) {
        try {
            Convergence.assertReplicasEqual(server, client, live, "udp");
            return client.replication.directory().size() == live.size();
        } catch (AssertionError notYet) {
            return false;
        }
    }

    @Test
    void spawnsSyncsAndDespawnsOverUdp() {
        ReplicationConfig config = ReplicationCluster.ballConfig();
        ReplicationCluster.Node server = new ReplicationCluster.Node(Clock.system(), config, null);
        EnetMultiplayerPeer serverPeer = EnetMultiplayerPeer.createServer(ANY, 8, 2, 0, 0, EnetHostOptions.defaults());
        transports.add(serverPeer);
        server.multiplayer.multiplayerPeer(serverPeer);
        add(server);
        int port = serverPeer.host().localAddress().getPort();
        for (int i = 0; i < 2; i++) {
            client(port, config, null, 100 + i);
        }
        runUntil("clients admitted", () -> server.multiplayer.peers().size() == 2);

        IntArrayList live = new IntArrayList();
        for (int i = 0; i < 500; i++) {
            int e = server.replication.spawners().instantiate(server.spawner, ReplicationCluster.BALL, "b" + i);
            server.ball(e).x = i;
            server.ball(e).label = "u" + i;
            live.add(e);
        }
        ReplicationCluster.Node a = nodes.get(1);
        ReplicationCluster.Node b = nodes.get(2);
        runUntil("500 spawns replicated", () -> converged(server, a, live) && converged(server, b, live));

        for (int i = 0; i < live.size(); i += 3) {
            server.ball(live.getInt(i)).y = -i;
            server.ball(live.getInt(i)).hp = i;
        }
        for (int i = 0; i < 100; i++) {
            server.world.delete(live.popInt());
        }
        runUntil("changes and despawns replicated", () -> converged(server, a, live) && converged(server, b, live));

        int hidden = live.getInt(0);
        server.replication.setVisibilityFor(hidden, 0, false);
        server.replication.setVisibilityFor(hidden, a.id(), true);
        int netId = server.netIdOf(hidden);
        runUntil("hidden from b only", () -> b.replicaOf(1, netId) < 0 && a.replicaOf(1, netId) >= 0);
        assertEquals(0, a.replication.stats().get(ReplicationStats.Counter.DROPPED_MALFORMED));
        assertEquals(0, b.replication.stats().get(ReplicationStats.Counter.DROPPED_MALFORMED));
    }

    @Test
    void godotSemanticsOverUdp() {
        ReplicationConfig config = ReplicationCluster.ballConfig();
        CallScene scene = new CallScene();
        ReplicationCluster.Node server = new ReplicationCluster.Node(Clock.system(), config, scene);
        EnetMultiplayerPeer serverPeer = EnetMultiplayerPeer.createServer(ANY, 8, 2, 0, 0, EnetHostOptions.defaults());
        transports.add(serverPeer);
        server.multiplayer.multiplayerPeer(serverPeer);
        add(server);
        int port = serverPeer.host().localAddress().getPort();
        SceneMultiplayer mp = server.multiplayer;
        RpcMethod hello = scene.hello(server);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        mp.signals().peerDisconnected.connect(id -> events.add("server-" + id));
        // the common pattern: set the newcomer's player up from peer_connected
        mp.signals().peerConnected.connect(id -> {
            int player = server.replication.spawners().instantiate(server.spawner, ReplicationCluster.BALL, "player" + id);
            server.ball(player).hp = 42;
            events.add("welcome " + id + " " + mp.rpcId(id, player, hello).putInt(id).send());
        });

        ReplicationCluster.Node a = client(port, config, scene, 200);
        a.multiplayer.signals().serverDisconnected.connect(() -> events.add("a server_disconnected"));
        String welcomeA = "rpc Spawner/player" + a.id() + " hp=42 arg=" + a.id();
        runUntil("a welcomed", () -> scene.of(a).contains(welcomeA));
        assertEquals(List.of("spawned Spawner/player" + a.id(), welcomeA), scene.of(a));
        assertTrue(events.contains("welcome " + a.id() + " SENT"), events.toString());

        // an RPC in the tick of the spawn arrives after it
        int fresh = server.replication.spawners().instantiate(server.spawner, ReplicationCluster.BALL, "fresh");
        server.ball(fresh).hp = 5;
        assertEquals(SendResult.SENT, mp.rpc(fresh, hello).putInt(1).send());
        runUntil("a got the call on fresh", () -> scene.of(a).contains("rpc Spawner/fresh hp=5 arg=1"));
        assertEquals(scene.of(a).indexOf("spawned Spawner/fresh") + 1, scene.of(a).indexOf("rpc Spawner/fresh hp=5 arg=1"));

        // authority per entity: Level without recursion leaves Level/Bob at 1, recursion hands it over
        int serverLevel = server.paths.resolve("Level");
        int clientLevel = a.paths.resolve("Level");
        server.authorities.setAuthority(serverLevel, a.id(), false);
        a.authorities.setAuthority(clientLevel, a.id(), false);
        a.multiplayer.rpcId(1, a.paths.resolve("Level/Bob"), scene.hello(a)).putInt(10).send();
        a.multiplayer.rpcId(1, clientLevel, scene.hello(a)).putInt(11).send();
        runUntil("the call on Level", () -> scene.of(server).contains("rpc Level hp=- arg=11"));
        assertFalse(scene.of(server).contains("rpc Level/Bob hp=- arg=10"));
        assertEquals(1, mp.violations().count(a.id(), Violation.NOT_AUTHORITY));
        server.authorities.setAuthority(serverLevel, a.id(), true);
        a.authorities.setAuthority(clientLevel, a.id(), true);
        a.multiplayer.rpcId(1, a.paths.resolve("Level/Bob"), scene.hello(a)).putInt(12).send();
        runUntil("the call on Level/Bob", () -> scene.of(server).contains("rpc Level/Bob hp=- arg=12"));

        // calls that cannot reach a peer say why
        server.replication.setVisibilityFor(fresh, 0, false);
        assertEquals(SendResult.NOT_VISIBLE, mp.rpcId(a.id(), fresh, hello).putInt(2).send());
        server.spawnerComponent().spawnLimit = server.spawnerComponent().liveSpawns();
        int refused = SpawnBeforeCallTest.handMadeBall(server, "refused", 0);
        server.world.process();
        assertEquals(SendResult.NOT_SPAWNED, mp.rpcId(a.id(), refused, hello).putInt(3).send());
        server.spawnerComponent().spawnLimit = 0;
        Rootless rootless = rootlessClient(port);
        runUntil("the rootless client admitted", () -> rootless.mp().peers().contains(1));
        assertEquals(SendResult.NO_ROOT, rootless.mp().rpcId(1, rootless.entity(), rootless.hello()).putInt(4).send());
        runUntil("fresh hidden from a", () -> scene.of(a).contains("despawned Spawner/fresh"));

        // a client closes its own peer while every World keeps ticking
        ReplicationCluster.Node b = client(port, config, scene, 300);
        b.multiplayer.signals().serverDisconnected.connect(() -> events.add("b server_disconnected"));
        runUntil("b welcomed", () -> scene.of(b).contains("rpc Spawner/player" + b.id() + " hp=42 arg=" + b.id()));
        int bHad = b.replication.directory().size();
        b.multiplayer.peer().close();
        runUntil("the server saw b leave", () -> events.contains("server-" + b.id()));
        assertTrue(events.contains("b server_disconnected"), events.toString());
        assertEquals(bHad, b.despawned.size(), "b's replicas are freed, despawned fired");
        assertEquals(0, b.replication.directory().size());
        assertEquals(SendResult.CLOSED, b.multiplayer.sendBytes(new byte[] {1}));

        // the server closes its own peer
        mp.peer().close();
        runUntil("a lost the server", () -> events.contains("a server_disconnected"));
        assertTrue(events.contains("server-" + a.id()), events.toString());
        assertTrue(mp.peers().isEmpty());
        assertEquals(0, a.replication.directory().size());
        assertEquals(SendResult.CLOSED, mp.rpc(server.spawner, hello).putInt(5).send());
        assertEquals(1, mp.sendCounters().count(SendResult.CLOSED));
        assertEquals(1, mp.sendCounters().count(SendResult.NOT_VISIBLE));
        assertEquals(1, mp.sendCounters().count(SendResult.NOT_SPAWNED));
    }

    private void add(ReplicationCluster.Node n) {
        nodes.add(n);
        worlds.add(n.world);
    }

    private ReplicationCluster.Node client(int port, ReplicationConfig config, CallScene scene, long idSeed) {
        ReplicationCluster.Node client = new ReplicationCluster.Node(Clock.system(), config, scene);
        client.multiplayer.multiplayerPeer(clientPeer(port, idSeed));
        add(client);
        return client;
    }

    private EnetMultiplayerPeer clientPeer(int port, long idSeed) {
        EnetMultiplayerPeer peer = EnetMultiplayerPeer.createClient(new InetSocketAddress("127.0.0.1", port), 2, 0, 0, ANY,
                EnetHostOptions.defaults(), new SplittableRandom(idSeed));
        transports.add(peer);
        return peer;
    }

    /** A connected client whose root path names no entity, its hello RPC and an entity outside any root. */
    private record Rootless(SceneMultiplayer mp, RpcMethod hello, int entity) {
    }

    /** A client whose root path "Game" names no entity, with the same RPC table as the CallScene nodes. */
    private Rootless rootlessClient(int port) {
        World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        worlds.add(world);
        SceneMultiplayer mp = new SceneMultiplayer(world, "Game", Clock.system());
        RpcMethod hello = mp.declareRpc(RpcConfig.named("hello").mode(RpcMode.AUTHORITY).args(ArgType.INT), (e, from, args) -> { });
        mp.multiplayerPeer(clientPeer(port, 400));
        return new Rootless(mp, hello, world.create());
    }
}

package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.spawn.PrefabInstance;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.link.LinkProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Godot sends a spawn as soon as the node is ready, so whatever the game sends about a new entity
 * afterwards, in the same frame, arrives after the spawn; and a newcomer has every spawn before
 * peer_connected fires. These tests hold us to both, on the local hub.
 */
class SpawnBeforeCallTest {

    @Test
    void anRpcRawBytesAndSyncSentInTheTickOfTheSpawnArriveAfterIt() {
        CallScene scene = new CallScene();
        try (ReplicationCluster c = new ReplicationCluster(31, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), scene)) {
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            int fresh = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "fresh");
            c.server.ball(fresh).hp = 5;
            c.server.ball(fresh).x = 3;
            assertEquals(SendResult.SENT, c.server.multiplayer.rpc(fresh, scene.hello(c.server)).putInt(1).send());
            assertEquals(SendResult.SENT, c.server.multiplayer.rpcId(a.id(), fresh, scene.hello(c.server)).putInt(2).send());
            assertEquals(SendResult.SENT, c.server.multiplayer.sendBytes(new byte[] {9}));
            // made by hand in the running system: artemis has not told the subscriptions yet
            int byHand = handMadeBall(c.server, "by-hand", 6);
            assertEquals(SendResult.SENT, c.server.multiplayer.rpc(byHand, scene.hello(c.server)).putInt(3).send());
            c.ticks(2);

            for (ReplicationCluster.Node n : c.clients) {
                List<String> expected = new ArrayList<>(List.of("spawned Spawner/fresh", "rpc Spawner/fresh hp=5 arg=1"));
                if (n == a) {
                    expected.add("rpc Spawner/fresh hp=5 arg=2");
                }
                expected.addAll(List.of("raw 9", "spawned Spawner/by-hand", "rpc Spawner/by-hand hp=6 arg=3"));
                assertEquals(expected, scene.of(n));
                int replica = n.replicaOf(1, c.server.netIdOf(fresh));
                assertEquals(3f, n.ball(replica).x, "the sync of the same tick landed");
                assertEquals(0, n.replication.stats().droppedTotal(), n.replication.stats().toString());
                assertEquals(0, n.multiplayer.violations().total());
            }
            assertEquals(0, c.server.multiplayer.sendCounters().total());
        }
    }

    @Test
    void inPeerConnectedTheServerCanAlreadyCallTheNewcomerOnOldAndNewSpawns() {
        CallScene scene = new CallScene();
        try (ReplicationCluster c = new ReplicationCluster(32, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), scene)) {
            c.connect();
            ReplicationCluster.Node first = c.clients.get(0);
            int old = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "old");
            c.server.ball(old).hp = 1;
            c.ticks(2);
            List<String> seen = new ArrayList<>();
            c.server.multiplayer.signals().peerConnected.connect(id -> {
                seen.add("old already spawned there: " + c.server.replication.isVisibleTo(old, id));
                int player = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "player");
                c.server.ball(player).hp = 42;
                seen.add("player " + c.server.multiplayer.rpcId(id, player, scene.hello(c.server)).putInt(7).send());
                seen.add("old " + c.server.multiplayer.rpcId(id, old, scene.hello(c.server)).putInt(8).send());
            });
            ReplicationCluster.Node newcomer = c.addClient();
            c.connect();

            assertEquals(List.of("old already spawned there: true", "player SENT", "old SENT"), seen);
            assertEquals(List.of("spawned Spawner/old", "spawned Spawner/player", "rpc Spawner/player hp=42 arg=7",
                    "rpc Spawner/old hp=1 arg=8"), scene.of(newcomer));
            assertEquals(List.of("spawned Spawner/old", "spawned Spawner/player"), scene.of(first), "the others get the spawn, not the calls");
            assertEquals(0, newcomer.multiplayer.violations().total());
        }
    }

    @Test
    void aCallOnAnEntityWhoseSpawnWasRefusedOrIsHiddenSaysSoAndIsCounted() {
        CallScene scene = new CallScene();
        try (ReplicationCluster c = new ReplicationCluster(33, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), scene)) {
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            ReplicationCluster.Node b = c.clients.get(1);
            c.server.spawnerComponent().spawnLimit = 1;
            int one = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "one");
            int refused = handMadeBall(c.server, "refused", 0);
            c.tick();
            assertEquals(1, c.server.replication.stats().get(Counter.DROPPED_SPAWN_LIMIT));
            var mp = c.server.multiplayer;
            assertEquals(SendResult.NOT_SPAWNED, mp.rpc(refused, scene.hello(c.server)).putInt(1).send());
            assertEquals(SendResult.NOT_SPAWNED, mp.rpcId(a.id(), refused, scene.hello(c.server)).putInt(2).send());

            int hat = c.server.world.create();
            c.server.paths.setName(hat, "hat", one);
            b.paths.setName(b.world.create(), "hat", b.replicaOf(1, c.server.netIdOf(one))); // every peer builds the hat
            c.server.replication.setVisibilityFor(one, 0, false);
            c.server.replication.setVisibilityFor(one, b.id(), true);
            assertEquals(SendResult.NOT_VISIBLE, mp.rpc(one, scene.hello(c.server)).putInt(3).send(), "b got it, a did not");
            assertEquals(SendResult.NOT_VISIBLE, mp.rpcId(a.id(), one, scene.hello(c.server)).putInt(4).send());
            assertEquals(SendResult.NOT_SPAWNED, mp.rpcId(a.id(), hat, scene.hello(c.server)).putInt(5).send(), "its parent spawn is not there");
            assertEquals(SendResult.SENT, mp.rpcId(b.id(), hat, scene.hello(c.server)).putInt(6).send());
            // a replica stays reachable by the peer that spawned it, whatever its filters say (Godot's is_rpc_visible)
            int replica = b.replicaOf(1, c.server.netIdOf(one));
            b.replication.addVisibilityFilter(replica, (entity, peer) -> false);
            assertEquals(SendResult.SENT, b.multiplayer.rpcId(1, replica, scene.hello(b)).putInt(7).send());
            c.ticks(2);

            assertEquals(3, mp.sendCounters().count(SendResult.NOT_SPAWNED));
            assertEquals(2, mp.sendCounters().count(SendResult.NOT_VISIBLE));
            assertEquals(List.of("spawned Spawner/one", "despawned Spawner/one"), scene.of(a));
            // hat exists on b because every peer builds it; a call on it only goes where its spawn parent is
            assertTrue(scene.of(b).containsAll(List.of("rpc Spawner/one hp=0 arg=3", "rpc Spawner/one/hat hp=- arg=6")), scene.of(b).toString());
            assertEquals(0, a.multiplayer.violations().total() + b.multiplayer.violations().total());
            assertEquals(1, mp.violations().total(), "only b's call on one, whose authority is the server");
        }
    }

    /** A Ball prefab instance made the way game code would, under the spawner, without instantiate(). */
    static int handMadeBall(ReplicationCluster.Node n, String name, int hp) {
        int e = n.world.create();
        n.world.edit(e).create(Ball.class).hp = hp;
        n.world.edit(e).create(Synchronizer.class).config = ReplicationCluster.ballConfig();
        n.world.edit(e).create(PrefabInstance.class).prefab = ReplicationCluster.BALL;
        n.paths.setName(e, name, n.spawner);
        return e;
    }
}

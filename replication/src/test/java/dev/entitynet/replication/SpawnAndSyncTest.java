package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.transport.link.LinkProfile;
import org.junit.jupiter.api.Test;

class SpawnAndSyncTest {

    @Test
    void spawnCarriesStateAndChangesFollow() {
        try (ReplicationCluster c = new ReplicationCluster(1, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b1");
            Ball b = c.server.ball(e);
            b.x = 1;
            b.hp = 7;
            b.label = "hello";
            c.ticks(5);
            int netId = c.server.netIdOf(e);
            for (ReplicationCluster.Node n : c.clients) {
                int r = n.replicaOf(1, netId);
                assertTrue(r >= 0, "client " + n.id() + " has the spawn; stats " + n.replication.stats());
                assertEquals(1f, n.ball(r).x);
                assertEquals(7, n.ball(r).hp);
                assertEquals("hello", n.ball(r).label);
                assertEquals("Spawner/b1", n.paths.pathOf(r).replaceFirst("^/", ""));
            }
            b.x = 5;
            b.hp = 9;
            b.label = "bye";
            c.ticks(5);
            for (ReplicationCluster.Node n : c.clients) {
                int r = n.replicaOf(1, netId);
                assertEquals(5f, n.ball(r).x);
                assertEquals(9, n.ball(r).hp);
                assertEquals("bye", n.ball(r).label);
                assertEquals(0, n.replication.stats().droppedTotal(), n.replication.stats().toString());
            }
            c.server.world.delete(e);
            c.ticks(5);
            for (ReplicationCluster.Node n : c.clients) {
                assertEquals(-1, n.replicaOf(1, netId));
                assertEquals(1, n.despawned.size());
            }
        }
    }

    @Test
    void prefabInstancesCreatedByTheGameUnderTheSpawnParentAreSpawnedAutomatically() {
        try (ReplicationCluster c = new ReplicationCluster(2, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            var world = c.server.world;
            int e = world.create();
            world.edit(e).create(Ball.class).hp = 5;
            world.edit(e).create(dev.entitynet.replication.sync.Synchronizer.class).config = ReplicationCluster.ballConfig();
            world.edit(e).create(dev.entitynet.replication.spawn.PrefabInstance.class).prefab = ReplicationCluster.BALL;
            c.server.paths.setName(e, "made-by-hand", c.server.spawner);
            int stray = world.create();
            world.edit(stray).create(dev.entitynet.replication.spawn.PrefabInstance.class).prefab = ReplicationCluster.BALL;
            c.server.paths.setName(stray, "not-under-a-spawner", -1);
            c.ticks(3);
            ReplicationCluster.Node client = c.clients.get(0);
            assertEquals(1, client.replication.directory().size(), "only the instance under the spawn parent is spawned");
            int r = client.replicaOf(1, c.server.netIdOf(e));
            assertEquals(5, client.ball(r).hp);
        }
    }

    @Test
    void synchronizedListenersFireOnReceiversWithTheSenderTick() {
        try (ReplicationCluster c = new ReplicationCluster(4, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b");
            c.ticks(2);
            ReplicationCluster.Node client = c.clients.get(0);
            int r = client.replicaOf(1, c.server.netIdOf(e));
            long[] counts = new long[3];
            client.world.getMapper(dev.entitynet.replication.sync.Synchronizer.class).get(r).listener =
                    new dev.entitynet.replication.sync.SyncListener() {
                        @Override
                        public void onSynchronized(int entity, long tick) {
                            counts[0]++;
                            counts[2] = Math.max(counts[2], tick);
                        }

                        @Override
                        public void onDeltaSynchronized(int entity, long tick) {
                            counts[1]++;
                        }
                    };
            c.server.ball(e).hp = 1;
            c.ticks(3);
            assertEquals(3, counts[0], "one ALWAYS update per tick");
            c.server.world.getMapper(dev.entitynet.replication.sync.Synchronizer.class).get(e).replicationInterval = 5;
            c.server.replication.intervalsChanged(e);
            c.ticks(10);
            assertEquals(3 + 2, counts[0], "every fifth tick after the interval changed");
            assertEquals(1, counts[1], "one delta for one change");
            // the server world runs first in each cluster tick, so the client already has the current server tick
            assertEquals(c.server.multiplayer.tick(), counts[2], "carries the server tick of the latest update");
        }
    }

    @Test
    void aNameFreedByADespawnCanBeReusedByASpawnArrivingInTheSamePoll() {
        try (ReplicationCluster c = new ReplicationCluster(6, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            int old = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "player");
            c.ticks(2);
            c.server.world.delete(old);
            c.server.world.process(); // DESPAWN
            int again = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "player");
            c.server.ball(again).hp = 2;
            c.server.world.process(); // SPAWN, same name
            c.tick(); // the client polls both at once (Godot #4432 fails here)
            ReplicationCluster.Node client = c.clients.get(0);
            int r = client.replicaOf(1, c.server.netIdOf(again));
            assertEquals(2, client.ball(r).hp, client.replication.stats().toString());
            assertEquals(r, client.paths.resolve("Spawner/player"));
            assertEquals(0, client.replication.stats().droppedTotal(), client.replication.stats().toString());
        }
    }

    @Test
    void aSpawnDeletedInTheTickItWasMadeIsForgottenEverywhere() {
        try (ReplicationCluster c = new ReplicationCluster(31, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            int kept = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "kept");
            int gone = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "gone");
            c.server.world.delete(gone); // before artemis ever listed it
            c.ticks(3);
            ReplicationCluster.Node client = c.clients.get(0);
            assertEquals(1, c.server.replication.directory().size(), "only the kept spawn is tracked");
            assertEquals(1, c.server.spawnerComponent().liveSpawns());
            assertEquals(1, client.replication.directory().size(), client.replication.stats().toString());
            assertTrue(client.replicaOf(1, c.server.netIdOf(kept)) >= 0);
            assertEquals(0, client.replication.stats().droppedTotal(), client.replication.stats().toString());
        }
    }
}

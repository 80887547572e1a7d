package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.World;
import dev.entitynet.replication.spawn.SpawnDataCodec;
import dev.entitynet.replication.spawn.SpawnFunction;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class CustomSpawnTest {
    /** Typed spawn data. */
    record Shot(float x, int damage) {
    }

    static final SpawnDataCodec<Shot> SHOT_CODEC = new SpawnDataCodec<>() {
        @Override
        public void write(Shot data, Bytes<?> out) {
            out.writeFloat(data.x());
            out.writeInt(data.damage());
        }

        @Override
        public Shot read(Bytes<?> in) {
            return new Shot(in.readFloat(), in.readInt());
        }
    };

    @Test
    void customSpawnFunctionRunsOnEveryPeerWithTypedData() {
        var config = ReplicationCluster.ballConfig();
        SpawnFunction<Shot> function = (World w, Shot shot) -> {
            int e = w.create();
            Ball b = w.edit(e).create(Ball.class);
            b.x = shot.x();
            b.hp = shot.damage();
            w.edit(e).create(Synchronizer.class).config = config;
            return e;
        };
        try (ReplicationCluster c = new ReplicationCluster(23, 2, LinkProfile.perfect(), config,
                n -> n.spawnerComponent().customSpawn(function, SHOT_CODEC))) {
            c.connect();
            int e = c.server.replication.spawners().spawn(c.server.spawner, new Shot(4.5f, 30), "shot1");
            c.ticks(3);
            for (ReplicationCluster.Node n : c.clients) {
                int r = n.replicaOf(1, c.server.netIdOf(e));
                assertTrue(r >= 0, n.replication.stats().toString());
                assertEquals(4.5f, n.ball(r).x);
                assertEquals(30, n.ball(r).hp);
                assertEquals(1, n.spawnedOrder.size());
            }
            ReplicationCluster.Node client = c.clients.get(0);
            assertThrows(IllegalStateException.class, () -> client.replication.spawners().spawn(client.spawner, new Shot(1, 1), "nope"),
                    "only the spawner's authority may spawn");
            // a late joiner gets the custom spawn with its data
            ReplicationCluster.Node late = c.addClient();
            c.connect();
            int r = late.replicaOf(1, c.server.netIdOf(e));
            assertEquals(30, late.ball(r).hp);
            // deleting a custom spawn (no PrefabInstance) despawns it everywhere
            int netId = c.server.netIdOf(e);
            c.server.world.delete(e);
            c.ticks(3);
            for (ReplicationCluster.Node n : c.clients) {
                assertEquals(-1, n.replicaOf(1, netId), "despawned on " + n.id());
                assertEquals(0, n.spawnerComponent().liveSpawns());
            }
            assertEquals(0, c.server.spawnerComponent().liveSpawns());
            assertEquals(0, c.server.replication.directory().size());
        }
    }

    @Test
    void aSpawnFunctionCanHandTheNewEntityToAClientAndItsUpdatesFlowAtOnce() {
        var config = ReplicationCluster.ballConfig();
        SpawnDataCodec<Integer> ownerCodec = new SpawnDataCodec<>() {
            @Override
            public void write(Integer owner, Bytes<?> out) {
                out.writeInt(owner);
            }

            @Override
            public Integer read(Bytes<?> in) {
                return in.readInt();
            }
        };
        SpawnFunction<Integer> player = (World w, Integer owner) -> {
            int e = w.create();
            w.edit(e).create(Ball.class);
            w.edit(e).create(Synchronizer.class).config = config;
            // Godot #98104: authority set while spawning, identically on every peer
            w.getSystem(dev.entitynet.ecs.authority.Authorities.class).setAuthority(e, owner, false);
            return e;
        };
        try (ReplicationCluster c = new ReplicationCluster(29, 2, LinkProfile.perfect(), config,
                n -> n.spawnerComponent().customSpawn(player, ownerCodec))) {
            c.connect();
            ReplicationCluster.Node owner = c.clients.get(0);
            ReplicationCluster.Node other = c.clients.get(1);
            int e = c.server.replication.spawners().spawn(c.server.spawner, owner.id(), "player");
            c.ticks(3);
            int mine = owner.replicaOf(1, c.server.netIdOf(e));
            owner.ball(mine).x = 12;
            owner.ball(mine).hp = 4;
            c.ticks(3);
            assertEquals(12f, c.server.ball(e).x, "the owner's ALWAYS updates reach the server");
            assertEquals(4, c.server.ball(e).hp);
            int theirs = other.replicaOf(1, c.server.netIdOf(e));
            assertEquals(12f, other.ball(theirs).x, "and the other client, relayed");
            assertEquals(4, other.ball(theirs).hp);
        }
    }
}

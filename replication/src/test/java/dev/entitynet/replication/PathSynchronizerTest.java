package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.link.LinkProfile;
import org.junit.jupiter.api.Test;

/** Synchronizers on entities that exist on every peer without a spawner (Godot's path-based synchronizers). */
class PathSynchronizerTest {

    private static void withDoor(ReplicationCluster.Node n) {
        int door = n.world.create();
        n.paths.setName(door, "Door", -1);
        n.world.edit(door).create(Ball.class);
        n.world.edit(door).create(Synchronizer.class).config = ReplicationCluster.ballConfig();
    }

    private static int door(ReplicationCluster.Node n) {
        return n.paths.resolve("Door");
    }

    @Test
    void entitiesPresentEverywhereSyncByPathIncludingLateJoiners() {
        try (ReplicationCluster c = new ReplicationCluster(31, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(),
                PathSynchronizerTest::withDoor)) {
            c.connect();
            Ball serverDoor = c.server.ball(door(c.server));
            serverDoor.x = 3;
            serverDoor.hp = 42;
            serverDoor.label = "open";
            c.ticks(3);
            ReplicationCluster.Node client = c.clients.get(0);
            Ball clientDoor = client.ball(door(client));
            assertEquals(3f, clientDoor.x);
            assertEquals(42, clientDoor.hp);
            assertEquals("open", clientDoor.label);

            ReplicationCluster.Node late = c.addClient();
            c.connect();
            c.ticks(3);
            Ball lateDoor = late.ball(door(late));
            assertEquals(3f, lateDoor.x);
            assertEquals(42, lateDoor.hp, "a late joiner gets ON_CHANGE values that changed before it came");
            assertEquals("open", lateDoor.label);
            assertEquals(0, late.replication.stats().droppedTotal() - late.replication.stats().get(ReplicationStats.Counter.DROPPED_UNKNOWN_ID),
                    late.replication.stats().toString());
        }
    }
}

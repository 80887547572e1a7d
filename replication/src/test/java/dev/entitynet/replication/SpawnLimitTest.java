package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.transport.link.LinkProfile;
import org.junit.jupiter.api.Test;

class SpawnLimitTest {

    @Test
    void limitIsEnforcedOnTheAuthorityAndOnReceivers() {
        try (ReplicationCluster c = new ReplicationCluster(5, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            ReplicationCluster.Node client = c.clients.get(0);
            c.server.spawnerComponent().spawnLimit = 3;
            client.spawnerComponent().spawnLimit = 2;
            var spawners = c.server.replication.spawners();
            spawners.instantiate(c.server.spawner, ReplicationCluster.BALL, "a");
            spawners.instantiate(c.server.spawner, ReplicationCluster.BALL, "b");
            spawners.instantiate(c.server.spawner, ReplicationCluster.BALL, "c");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> spawners.instantiate(c.server.spawner, ReplicationCluster.BALL, "d"));
            assertEquals(true, e.getMessage().contains("spawn limit"));
            c.ticks(3);
            assertEquals(3, c.server.spawnerComponent().liveSpawns());
            assertEquals(2, client.spawnerComponent().liveSpawns());
            assertEquals(1, client.replication.stats().get(Counter.DROPPED_SPAWN_LIMIT));
        }
    }
}

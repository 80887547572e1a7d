package dev.entitynet.examples.arena;

import dev.entitynet.replication.SceneReplication;

/**
 * What each client had in view during a run, from the server's interest management: the entities
 * in view, sampled once per second, and the spawns and despawns it was sent. Preallocated, so
 * sampling allocates nothing.
 */
final class ViewSeries {
    private final SceneReplication replication;
    private final int[] clients;
    private final long[] inViewSum;
    private final long[] spawnsAtStart;
    private final long[] despawnsAtStart;
    private final long[] spawns;
    private final long[] despawns;
    private int samples;

    /** Starts counting for {@code clients} (peer ids) on the server's {@code replication}. */
    ViewSeries(SceneReplication replication, int[] clients) {
        this.replication = replication;
        this.clients = clients.clone();
        int n = clients.length;
        inViewSum = new long[n];
        spawnsAtStart = new long[n];
        despawnsAtStart = new long[n];
        spawns = new long[n];
        despawns = new long[n];
        for (int i = 0; i < n; i++) {
            spawnsAtStart[i] = replication.spawnsSentTo(clients[i]);
            despawnsAtStart[i] = replication.despawnsSentTo(clients[i]);
        }
    }

    /** Samples every client at the end of a second. */
    void sample() {
        for (int i = 0; i < clients.length; i++) {
            inViewSum[i] += replication.spawnsHeldBy(clients[i]);
            spawns[i] = replication.spawnsSentTo(clients[i]) - spawnsAtStart[i];
            despawns[i] = replication.despawnsSentTo(clients[i]) - despawnsAtStart[i];
        }
        samples++;
    }

    /** Clients tracked. */
    int clients() {
        return clients.length;
    }

    /** The peer id of client {@code i}. */
    int client(int i) {
        return clients[i];
    }

    /** Mean entities client {@code i} had in view. */
    double meanInView(int i) {
        return samples == 0 ? 0 : (double) inViewSum[i] / samples;
    }

    /** Spawns per second sent to client {@code i}. */
    double spawnsPerSecond(int i) {
        return samples == 0 ? 0 : (double) spawns[i] / samples;
    }

    /** Despawns per second sent to client {@code i}. */
    double despawnsPerSecond(int i) {
        return samples == 0 ? 0 : (double) despawns[i] / samples;
    }
}

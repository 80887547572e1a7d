package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.packet.VarInt;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private ReplicationCluster c;
    private ReplicationCluster.Node a;
    private ReplicationCluster.Node b;
    private final IntArrayList live = new IntArrayList();
    private final Bytes<Void> out = Bytes.allocateElasticDirect(512);

    @BeforeEach
    void setUp() {
        c = new ReplicationCluster(99, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null);
        c.connect();
        a = c.clients.get(0);
        b = c.clients.get(1);
        for (int i = 0; i < 5; i++) {
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b" + i);
            c.server.ball(e).x = i;
            c.server.ball(e).hp = 10 + i;
            live.add(e);
        }
        c.ticks(3);
    }

    @AfterEach
    void tearDown() {
        out.releaseLast();
        c.close();
    }

    /** Everything observable about a peer's replicated state. */
    private static List<String> state(ReplicationCluster.Node n) {
        List<String> s = new ArrayList<>();
        s.add("replicas=" + n.replication.directory().size() + " live=" + n.spawnerComponent().liveSpawns());
        var balls = n.world.getAspectSubscriptionManager().get(com.artemis.Aspect.all(Ball.class)).getEntities();
        for (int i = 0; i < balls.size(); i++) {
            Ball ball = n.ball(balls.get(i));
            s.add(balls.get(i) + ":" + ball.x + "," + ball.y + "," + ball.z + "," + ball.hp + "," + ball.label);
        }
        return s;
    }

    /** The engine's side of a node's multiplayer: installing the same hooks again hands it out. */
    private static ReplicationHost engine(ReplicationCluster.Node n) {
        return n.multiplayer.replication(n.replication);
    }

    private void send(ReplicationCluster.Node from, int to) {
        engine(from).sendPacket(to, TransferMode.RELIABLE, 0, out);
    }

    private Bytes<Void> spawnPacket(int cacheId, int netId, int prefabPlusOne, String name, int stateLength) {
        return spawnPacket(cacheId, netId, prefabPlusOne, name, name.length(), stateLength);
    }

    private Bytes<Void> spawnPacket(int cacheId, int netId, int prefabPlusOne, String name, int declaredNameLength, int stateLength) {
        out.clear();
        out.writeByte((byte) 4);
        VarInt.write(out, cacheId);
        VarInt.write(out, netId);
        VarInt.write(out, prefabPlusOne);
        out.writeByte((byte) declaredNameLength);
        out.append8bit(name);
        if (prefabPlusOne == 0) {
            VarInt.write(out, 0);
        }
        VarInt.write(out, stateLength);
        for (int i = 0; i < stateLength; i++) {
            out.writeByte((byte) 0x7F);
        }
        return out;
    }

    private void expectDrop(ReplicationCluster.Node at, Counter counter, Runnable sendIt) {
        List<String> before = state(at);
        long dropsBefore = at.replication.stats().get(counter);
        long totalBefore = at.replication.stats().droppedTotal();
        sendIt.run();
        c.ticks(2);
        assertEquals(dropsBefore + 1, at.replication.stats().get(counter), counter + ": " + at.replication.stats());
        assertEquals(totalBefore + 1, at.replication.stats().droppedTotal(), "exactly one drop: " + at.replication.stats());
        assertEquals(before, state(at), "nothing else changed");
    }

    @Test
    void spawnFromAPeerThatIsNotTheSpawnersAuthorityIsDropped() {
        int cache = engine(a).pathCacheIdFor(1, a.spawner);
        c.ticks(2);
        expectDrop(c.server, Counter.DROPPED_UNAUTHORIZED, () -> {
            spawnPacket(cache, 1, 1, "evil", 0);
            send(a, 1);
        });
    }

    @Test
    void spawnsOfUnknownPrefabsMalformedStateBadNamesAndReusedIdsAreDropped() {
        int cache = engine(c.server).pathCacheIdFor(a.id(), c.server.spawner);
        int takenNetId = c.server.netIdOf(live.getInt(0));
        expectDrop(a, Counter.DROPPED_UNKNOWN_PREFAB, () -> {
            spawnPacket(cache, 500, 9, "x", 0);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_UNKNOWN_PREFAB, () -> {
            spawnPacket(cache, 501, 0, "custom", 0);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            spawnPacket(cache, 502, 1, "bad-state", 3);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_DUPLICATE, () -> {
            spawnPacket(cache, takenNetId, 1, "again", 0);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_DUPLICATE, () -> {
            spawnPacket(cache, 503, 1, "b0", 0);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_UNKNOWN_ID, () -> {
            spawnPacket(cache + 1000, 504, 1, "nowhere", 0);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            spawnPacket(cache, 505, 1, "long", 200, 0); // declared name length beyond the packet and the cap
            send(c.server, a.id());
        });
    }

    @Test
    void syncsForUnknownIdsFromNonAuthoritiesAndTruncatedRecordsAreDropped() {
        int netId = c.server.netIdOf(live.getInt(0));
        expectDrop(a, Counter.DROPPED_UNKNOWN_ID, () -> {
            syncPacket(7, 999, 12);
            send(c.server, a.id());
        });
        expectDrop(c.server, Counter.DROPPED_UNAUTHORIZED, () -> {
            syncPacket(7, netId, 12, true);
            send(b, 1);
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            syncPacket(8, netId, 12);
            out.writeSkip(-4); // record declares 12 bytes, 8 follow
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            syncPacket(9, netId, 16); // 16 bytes where the config has a 12-byte ALWAYS state
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            out.clear();
            out.writeByte((byte) 6);
            out.writeShort((short) 1); // truncated header
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            out.clear();
            out.writeByte((byte) 0x16);
            out.writeInt(5);
            for (int i = 0; i < 6; i++) {
                out.writeByte((byte) 0xFF); // a varint longer than 5 bytes
            }
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            out.clear();
            out.writeByte((byte) 0x16);
            out.writeInt(5);
            VarInt.write(out, netId << 1);
            VarInt.write(out, 5);
            out.writeByte((byte) 0b100); // changed-set bit beyond the config's 2 ON_CHANGE properties
            out.writeInt(1);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_UNKNOWN_ID, () -> {
            out.clear();
            out.writeByte((byte) 5);
            VarInt.write(out, 12345);
            send(c.server, a.id());
        });
        expectDrop(a, Counter.DROPPED_MALFORMED, () -> {
            out.clear();
            out.writeByte((byte) 5);
            VarInt.write(out, netId);
            out.writeByte((byte) 0); // trailing byte
            send(c.server, a.id());
        });
    }

    private void syncPacket(int sequence, int netId, int size) {
        syncPacket(sequence, netId, size, false);
    }

    /** A SYNC packet with one record; {@code serverNamespace} names the server's net ids from another sender. */
    private void syncPacket(int sequence, int netId, int size, boolean serverNamespace) {
        out.clear();
        out.writeByte((byte) 6);
        out.writeInt(1000 + sequence);
        out.writeInt(1_000_000 + sequence);
        VarInt.write(out, netId << 1 | (serverNamespace ? 1 : 0));
        if (serverNamespace) {
            VarInt.write(out, 1);
        }
        VarInt.write(out, size << 1);
        for (int i = 0; i < size; i++) {
            out.writeByte((byte) 1);
        }
    }

    @Test
    void seededRandomGarbageChangesNothing() {
        long seed = 0xBADC0DEL;
        SplittableRandom random = new SplittableRandom(seed);
        int[] commands = {4, 5, 6, 0x16};
        int serverCache = engine(a).pathCacheIdFor(1, a.spawner);
        int relayCache = engine(a).pathCacheIdFor(b.id(), a.spawner);
        c.ticks(3);
        List<String> serverBefore = state(c.server);
        List<String> bBefore = state(b);
        long serverDrops = c.server.replication.stats().droppedTotal();
        long bDrops = b.replication.stats().droppedTotal();
        for (int round = 0; round < 3000; round++) {
            boolean toServer = random.nextBoolean();
            out.clear();
            int command = commands[random.nextInt(commands.length)];
            out.writeByte((byte) command);
            if (random.nextInt(3) == 0) {
                // plausible prefixes reach deeper checks
                if (command == 4) {
                    VarInt.write(out, toServer ? serverCache : relayCache);
                } else if (command == 6) {
                    out.writeInt(random.nextInt());
                    out.writeInt(random.nextInt());
                }
                VarInt.write(out, random.nextInt(8) << (command >= 6 ? 1 : 0));
            }
            int n = random.nextInt(120);
            for (int i = 0; i < n; i++) {
                out.writeByte((byte) random.nextInt(256));
            }
            send(a, toServer ? 1 : b.id());
            if (round % 100 == 0) {
                c.tick();
            }
        }
        c.ticks(3);
        assertEquals(serverBefore, state(c.server), "seed " + seed);
        assertEquals(bBefore, state(b), "seed " + seed);
        assertTrue(c.server.replication.stats().droppedTotal() - serverDrops > 1000, "seed " + seed + " " + c.server.replication.stats());
        assertTrue(b.replication.stats().droppedTotal() - bDrops > 1000, "seed " + seed + " " + b.replication.stats());
        // the session still works afterwards
        c.server.ball(live.getInt(1)).x = 123;
        c.server.ball(live.getInt(1)).hp = 5;
        c.ticks(3);
        Convergence.assertReplicasEqual(c.server, b, live, "seed " + seed);
    }
}

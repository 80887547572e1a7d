package dev.entitynet.replication.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.replication.Ball;
import dev.entitynet.replication.ReplicationCluster;
import dev.entitynet.replication.Wide;
import dev.entitynet.replication.packet.RecordStream;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.visibility.Everyone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotGroupTest {
    private static final Audience EVERYONE = Everyone.AUDIENCE;
    private final World world = new World(new WorldConfigurationBuilder().build());
    private final RecordStream records = new RecordStream();

    @AfterEach
    void close() {
        records.close();
        world.dispose();
    }

    private int ball(float x, int hp) {
        int e = world.create();
        Ball b = world.edit(e).create(Ball.class);
        b.x = x;
        b.hp = hp;
        return e;
    }

    @Test
    void onlyChangedOnChangeValuesAreEmittedAndAlwaysValuesEveryInterval() {
        try (SnapshotGroup g = new SnapshotGroup(new BoundConfig(ReplicationCluster.ballConfig(), world), ChangeTracking.COMPARE_ALL, 4)) {
            int a = ball(1, 1);
            int b = ball(2, 2);
            g.add(a, 1, 1, 0, 0, 0);
            g.add(b, 2, 1, 2, 0, 0);
            assertEquals(2, g.capture());
            records.clear();
            assertEquals(0, g.emitDeltas(1, 1, 1000, EVERYONE, records), "the baseline is not a change");
            world.getMapper(Ball.class).get(b).hp = 9;
            g.capture();
            assertEquals(1, g.emitDeltas(2, 1, 1000, EVERYONE, records));
            assertEquals(b, records.entity(0));
            // [netId<<1][size=1+4][changed-set 0b01][hp]
            assertEquals(1 + 1 + 1 + 4, records.length(0));
            records.clear();
            g.capture();
            assertEquals(0, g.emitDeltas(3, 1, 1000, EVERYONE, records), "nothing changed since");
            assertEquals(2, g.emitSync(2, 1, 1000, EVERYONE, records), "interval 0 and 2 both due at tick 2");
            records.clear();
            assertEquals(1, g.emitSync(3, 1, 1000, EVERYONE, records), "b's interval of 2 is not due at tick 3");
        }
    }

    @Test
    void markedTrackingComparesOnlyMarkedEntities() {
        try (SnapshotGroup g = new SnapshotGroup(new BoundConfig(ReplicationCluster.ballConfig(), world), ChangeTracking.MARKED, 4)) {
            int[] es = new int[200];
            for (int i = 0; i < es.length; i++) {
                es[i] = ball(i, i);
                g.add(es[i], i + 1, 1, 0, 0, 0);
            }
            g.remove(es[3]); // moves the last slot into the hole
            assertEquals(199, g.size());
            world.getMapper(Ball.class).get(es[199]).hp = -1;
            world.getMapper(Ball.class).get(es[100]).hp = -1; // changed but not marked
            g.markDirty(es[199]);
            g.markDirty(es[150]); // marked but unchanged
            assertEquals(2, g.capture());
            assertEquals(1, g.emitDeltas(1, 1, 1000, EVERYONE, records));
            assertEquals(es[199], records.entity(0));
        }
    }

    @Test
    void moreThan64OnChangePropertiesAndStatesLargerThanAPacketAreSplitNotDropped() {
        try (SnapshotGroup g = new SnapshotGroup(new BoundConfig(Wide.config(), world), ChangeTracking.COMPARE_ALL, 4)) {
            int e = world.create();
            Wide w = world.edit(e).create(Wide.class);
            g.add(e, 7, 1, 0, 0, 0);
            for (int i = 0; i < 100; i++) {
                w.onChange[i] = i + 1;
                w.always[i] = i;
            }
            assertEquals(1, g.capture());
            int maxRecord = 128 - 9;
            assertEquals(1, g.emitSync(1, 1, maxRecord, EVERYONE, records));
            assertTrue(records.size() >= 4, "400 bytes of ALWAYS state in records of at most 119: " + records.size());
            for (int i = 0; i < records.size(); i++) {
                assertTrue(records.length(i) <= maxRecord, "record " + i + " is " + records.length(i) + " bytes");
            }
            records.clear();
            assertEquals(1, g.emitDeltas(1, 1, maxRecord, EVERYONE, records));
            assertTrue(records.size() >= 4, "100 changed ints split over several delta records");
            for (int i = 0; i < records.size(); i++) {
                assertTrue(records.length(i) <= maxRecord);
            }
            assertEquals(13, g.changeSetBytes(), "one bit per ON_CHANGE property, no 64 cap");
        }
    }

    @Test
    void aSynchronizedEntityWithoutItsComponentGetsAMessageSayingWhatToAdd() {
        try (SnapshotGroup g = new SnapshotGroup(new BoundConfig(ReplicationCluster.ballConfig(), world), ChangeTracking.COMPARE_ALL, 4)) {
            int bare = world.create();
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> g.add(bare, 1, 1, 0, 0, 0));
            assertTrue(e.getMessage().contains("has no Ball component"), e.getMessage());
        }
    }
}

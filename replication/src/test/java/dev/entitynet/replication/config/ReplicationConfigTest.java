package dev.entitynet.replication.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.Ball;
import dev.entitynet.replication.codec.Codecs;
import org.junit.jupiter.api.Test;

class ReplicationConfigTest {

    @Test
    void defaultsFollowGodotAndListsAreDerivedOnFreeze() {
        ReplicationConfig config = new ReplicationConfig("c");
        ReplicatedProperty<Ball> hp = config.add("hp", Ball.class, Codecs.int32(b -> b.hp, (b, v) -> b.hp = v));
        assertTrue(hp.spawn());
        assertEquals(ReplicationMode.ALWAYS, hp.mode());
        config.add("x", Ball.class, Codecs.float32(b -> b.x, (b, v) -> b.x = v)).mode(ReplicationMode.ON_CHANGE).spawn(false);
        config.add("y", Ball.class, Codecs.float32(b -> b.y, (b, v) -> b.y = v)).mode(ReplicationMode.NEVER);
        config.freeze();
        assertArrayEquals(new int[] {0, 2}, config.spawnProperties());
        assertArrayEquals(new int[] {0}, config.alwaysProperties());
        assertArrayEquals(new int[] {1}, config.onChangeProperties());
        assertArrayEquals(new int[] {1}, config.onChangeNotSpawnProperties());
        assertThrows(IllegalStateException.class, () -> hp.mode(ReplicationMode.NEVER));
        assertThrows(IllegalStateException.class, () -> config.add("z", Ball.class, Codecs.float32(b -> b.z, (b, v) -> b.z = v)));
    }

    @Test
    void noCapOnOnChangeProperties() {
        ReplicationConfig config = new ReplicationConfig("wide");
        for (int i = 0; i < 300; i++) {
            config.add("p" + i, Ball.class, Codecs.int32(b -> b.hp, (b, v) -> b.hp = v)).mode(ReplicationMode.ON_CHANGE);
        }
        config.freeze();
        assertEquals(300, config.onChangeProperties().length);
    }

    @Test
    void duplicateNamesAreRejectedAndPropertiesCanBeRemovedBeforeUse() {
        ReplicationConfig config = new ReplicationConfig("c");
        config.add("hp", Ball.class, Codecs.int32(b -> b.hp, (b, v) -> b.hp = v));
        config.add("x", Ball.class, Codecs.float32(b -> b.x, (b, v) -> b.x = v));
        assertTrue(config.remove("x"));
        assertEquals(-1, config.indexOf("x"));
        assertEquals(1, config.size());
        assertThrows(IllegalArgumentException.class, () -> config.add("hp", Ball.class, Codecs.int32(b -> b.hp, (b, v) -> b.hp = v)));
    }
}

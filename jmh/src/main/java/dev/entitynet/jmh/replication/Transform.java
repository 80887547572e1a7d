package dev.entitynet.jmh.replication;

import com.artemis.Component;
import dev.entitynet.replication.codec.Codecs;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.config.ReplicationMode;

/** Benchmark component: a position and a health value. */
public final class Transform extends Component {
    public float x;
    public float y;
    public float z;
    public int health;

    public Transform() {
    }

    /** A config "transform" replicating position (3 floats) and health, both ON_CHANGE. */
    static ReplicationConfig onChangeConfig() {
        ReplicationConfig config = new ReplicationConfig("transform");
        config.add("Transform:position", Transform.class, Codecs.vector3(t -> t.x, t -> t.y, t -> t.z, (t, x, y, z) -> {
            t.x = x;
            t.y = y;
            t.z = z;
        })).mode(ReplicationMode.ON_CHANGE);
        config.add("Transform:health", Transform.class, Codecs.int32(t -> t.health, (t, v) -> t.health = v))
                .mode(ReplicationMode.ON_CHANGE);
        return config;
    }
}

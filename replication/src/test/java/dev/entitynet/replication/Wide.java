package dev.entitynet.replication;

import com.artemis.Component;

/** Test component with many values: for states larger than a packet and many ON_CHANGE properties. */
public final class Wide extends Component {
    public final float[] always = new float[100];
    public final int[] onChange = new int[100];

    public Wide() {
    }

    /** A config with 100 ALWAYS floats and 100 ON_CHANGE ints (well past Godot's 64-property cap). */
    public static dev.entitynet.replication.config.ReplicationConfig config() {
        var config = new dev.entitynet.replication.config.ReplicationConfig("wide");
        for (int i = 0; i < 100; i++) {
            int k = i;
            config.add("Wide:always" + k, Wide.class,
                    dev.entitynet.replication.codec.Codecs.float32(w -> w.always[k], (w, v) -> w.always[k] = v));
        }
        for (int i = 0; i < 100; i++) {
            int k = i;
            config.add("Wide:onChange" + k, Wide.class,
                    dev.entitynet.replication.codec.Codecs.int32(w -> w.onChange[k], (w, v) -> w.onChange[k] = v))
                    .mode(dev.entitynet.replication.config.ReplicationMode.ON_CHANGE);
        }
        return config;
    }
}

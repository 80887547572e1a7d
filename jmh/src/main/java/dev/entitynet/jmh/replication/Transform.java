package dev.entitynet.jmh.replication;

import com.artemis.Component;

/** Benchmark component: a position and a health value. */
public final class Transform extends Component {
    public float x;
    public float y;
    public float z;
    public int health;

    public Transform() {
    }
}

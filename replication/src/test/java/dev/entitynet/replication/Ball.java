package dev.entitynet.replication;

import com.artemis.Component;

/** Test component: a position (ALWAYS), hit points and a label (ON_CHANGE). */
public final class Ball extends Component {
    public float x;
    public float y;
    public float z;
    public int hp;
    public String label = "";

    public Ball() {
    }
}

package dev.entitynet.examples.arena;

import com.artemis.PooledComponent;

/** Where an arena entity is and how fast it goes (units per second); only the position is replicated. */
public final class Body extends PooledComponent {
    /** Position, 0..{@link ArenaRules#side()} on both axes. */
    public float x;
    /** Position, 0..{@link ArenaRules#side()} on both axes. */
    public float y;
    /** Velocity, units per second (server only). */
    public float vx;
    /** Velocity, units per second (server only). */
    public float vy;

    /** Artemis needs the public no-arg constructor. */
    public Body() {
    }

    @Override
    protected void reset() {
        x = 0;
        y = 0;
        vx = 0;
        vy = 0;
    }
}

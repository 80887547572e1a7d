package dev.entitynet.examples.arena;

import com.artemis.Aspect;
import com.artemis.ComponentMapper;
import com.artemis.systems.IteratingSystem;

/** Moves every body by its velocity each tick, bouncing off the arena walls; stops when told to. */
public final class MoveSystem extends IteratingSystem {
    private final ArenaRules rules;
    private ComponentMapper<Body> bodies;
    private boolean moving = true;

    /** Moves bodies under {@code rules}. */
    public MoveSystem(ArenaRules rules) {
        super(Aspect.all(Body.class));
        this.rules = rules;
    }

    /** Freezes (false) or resumes (true) all movement. */
    public void moving(boolean value) {
        moving = value;
    }

    /** Whether bodies move. */
    public boolean moving() {
        return moving;
    }

    @Override
    protected boolean checkProcessing() {
        return moving;
    }

    @Override
    protected void process(int entity) {
        Body b = bodies.get(entity);
        float dt = rules.tickSeconds();
        float side = rules.side();
        b.x += b.vx * dt;
        b.y += b.vy * dt;
        if (b.x < 0) {
            b.x = -b.x;
            b.vx = -b.vx;
        } else if (b.x > side) {
            b.x = 2 * side - b.x;
            b.vx = -b.vx;
        }
        if (b.y < 0) {
            b.y = -b.y;
            b.vy = -b.vy;
        } else if (b.y > side) {
            b.y = 2 * side - b.y;
            b.vy = -b.vy;
        }
    }
}

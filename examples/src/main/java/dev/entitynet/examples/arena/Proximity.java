package dev.entitynet.examples.arena;

import com.artemis.ComponentMapper;
import dev.entitynet.replication.SceneReplication;
import dev.entitynet.replication.visibility.VisibilityFilter;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

/**
 * The arena's visibility filter, on the server: a peer starts seeing an entity when it comes
 * closer than the view radius to that peer's player, and stops when it is farther than the radius
 * plus a margin. The margin keeps an entity on the edge from flickering out and in on every tick
 * (each flip costs a reliable despawn and spawn). A peer without a player sees nothing.
 */
public final class Proximity implements VisibilityFilter {
    private final Int2IntOpenHashMap playerOfPeer = new Int2IntOpenHashMap();
    private final float enterSquared;
    private final float leaveSquared;
    private ComponentMapper<Body> bodies;
    private SceneReplication replication;

    /** Entities closer than {@code radius} become visible; farther than {@code radius + margin} invisible. */
    public Proximity(float radius, float margin) {
        if (!(radius > 0) || !(margin >= 0)) {
            throw new IllegalArgumentException("the view radius must be positive and the margin not negative: " + radius + ", " + margin);
        }
        this.enterSquared = radius * radius;
        this.leaveSquared = (radius + margin) * (radius + margin);
        playerOfPeer.defaultReturnValue(-1);
    }

    /** Reads positions and current visibility from the scene's World. */
    void attach(ComponentMapper<Body> worldBodies, SceneReplication sceneReplication) {
        this.bodies = worldBodies;
        this.replication = sceneReplication;
    }

    /** Makes {@code player} the entity {@code peerId} sees from. */
    public void player(int peerId, int player) {
        playerOfPeer.put(peerId, player);
    }

    /** Forgets {@code peerId}'s player. */
    public void forget(int peerId) {
        playerOfPeer.remove(peerId);
    }

    /** The player entity of {@code peerId}, or -1. */
    public int playerOf(int peerId) {
        return playerOfPeer.get(peerId);
    }

    @Override
    public boolean isVisible(int entity, int peerId) {
        int player = playerOfPeer.get(peerId);
        if (player < 0) {
            return false;
        }
        Body a = bodies.get(entity);
        Body b = bodies.get(player);
        float dx = a.x - b.x;
        float dy = a.y - b.y;
        float d2 = dx * dx + dy * dy;
        return d2 < enterSquared || d2 < leaveSquared && replication.isVisibleTo(entity, peerId);
    }
}

package dev.entitynet.examples.arena;

import com.artemis.ComponentMapper;
import dev.entitynet.replication.visibility.VisibilityFilter;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

/**
 * The arena's visibility filter, on the server: a peer sees an entity when it is closer than the
 * view radius to that peer's player. A peer without a player sees nothing.
 */
public final class Proximity implements VisibilityFilter {
    private final Int2IntOpenHashMap playerOfPeer = new Int2IntOpenHashMap();
    private final float radiusSquared;
    private ComponentMapper<Body> bodies;

    /** A filter with view radius {@code radius}; the scene attaches it to its World. */
    public Proximity(float radius) {
        this.radiusSquared = radius * radius;
        playerOfPeer.defaultReturnValue(-1);
    }

    /** Reads positions from {@code worldBodies} (the scene's World). */
    void attach(ComponentMapper<Body> worldBodies) {
        this.bodies = worldBodies;
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
        return dx * dx + dy * dy < radiusSquared;
    }
}

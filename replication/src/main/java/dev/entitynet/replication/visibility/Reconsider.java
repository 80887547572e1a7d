package dev.entitynet.replication.visibility;

/** How interest management tells spawn visibility that an entity's candidates changed (internal). */
@FunctionalInterface
public interface Reconsider {
    /** Whether the peer in {@code slot} should have {@code entity} may have changed: evaluate it before the tick's spawns go out. */
    void reconsider(int entity, int slot);
}

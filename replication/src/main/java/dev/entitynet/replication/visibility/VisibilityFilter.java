package dev.entitynet.replication.visibility;

/** A visibility filter (Godot's {@code add_visibility_filter}): may {@code peerId} see {@code entity}? */
@FunctionalInterface
public interface VisibilityFilter {
    /** Whether {@code peerId} may see {@code entity}. */
    boolean isVisible(int entity, int peerId);
}

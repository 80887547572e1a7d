package dev.entitynet.replication.visibility;

/** Godot's {@code visibility_changed(for_peer)}, fired on the authority. */
@FunctionalInterface
public interface VisibilityListener {
    /** Whether {@code peerId} sees {@code entity} changed to {@code visible}. */
    void visibilityChanged(int entity, int peerId, boolean visible);
}

package dev.entitynet.replication.visibility;

import dev.entitynet.replication.sync.Synchronizer;

/** Godot's visibility rule for one synchronizer. */
public final class VisibilityRules {
    private VisibilityRules() {
    }

    /**
     * Whether {@code peerId} may see {@code entity}: every filter accepts it and the synchronizer is
     * public or lists the peer. Entities without a synchronizer are visible to everyone.
     */
    public static boolean isVisible(Synchronizer sync, int entity, int peerId) {
        if (sync == null) {
            return true;
        }
        return sync.filtersAccept(entity, peerId) && (sync.publicVisibility || sync.visibleFor.contains(peerId));
    }

    /** Whether every peer sees {@code entity} by configuration alone (public, no filters). */
    public static boolean isPublic(Synchronizer sync) {
        return sync == null || sync.publicVisibility && !sync.hasFilters();
    }
}

package dev.entitynet.ecs.authority;

import com.artemis.PooledComponent;

/**
 * The multiplayer authority of an entity: the peer allowed to call its AUTHORITY RPCs and to
 * replicate it. Absent means the server (1); it is never inherited from a parent (see
 * {@link Authorities}). Authority is local, never sent: every peer must assign it the same way (as in Godot).
 */
public final class Authority extends PooledComponent {
    /** The authority's peer id; 1 is the server. */
    public int peerId = 1;

    /** Authority 1 (artemis needs the public no-arg constructor). */
    public Authority() {
    }

    @Override
    protected void reset() {
        peerId = 1;
    }
}

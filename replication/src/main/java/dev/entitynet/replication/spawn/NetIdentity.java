package dev.entitynet.replication.spawn;

import com.artemis.PooledComponent;

/**
 * The network identity of a spawned entity, the same on every peer: the net id assigned by the
 * spawner's authority ({@link #namespace}). Artemis entity ids are recycled and differ per World, so
 * they never go on the wire; net ids are never reused.
 */
public final class NetIdentity extends PooledComponent {
    /** The peer that assigned {@link #netId} (the spawner's authority when it spawned the entity). */
    public int namespace;
    /** The id, unique within {@link #namespace}, 1 to 2^30 - 1. */
    public int netId;
    /** The spawner entity (local id) that spawned or received this entity. */
    public int spawner = -1;

    /** Artemis needs the public no-arg constructor. */
    public NetIdentity() {
    }

    @Override
    protected void reset() {
        namespace = 0;
        netId = 0;
        spawner = -1;
    }
}

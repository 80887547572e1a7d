package dev.entitynet.replication.visibility;

/**
 * An {@link Audience} in which every peer sees every entity: for tests and benchmarks of the
 * snapshot engine and fan-out that are not about visibility. Stateless, so one instance serves all.
 */
public final class Everyone implements Audience {
    /** The instance. */
    public static final Audience AUDIENCE = new Everyone();

    private Everyone() {
    }

    @Override
    public boolean visibleTo(int entity, int peerId) {
        return true;
    }

    @Override
    public boolean visibleToSlot(int entity, int slot) {
        return true;
    }

    @Override
    public boolean visibleToAll(int entity) {
        return true;
    }

    @Override
    public boolean visibleToAny(int entity) {
        return true;
    }
}

package dev.entitynet.replication.visibility;

/** Who may receive records about an entity: the view of visibility the packet fan-out needs. */
public interface Audience {
    /** Whether {@code peerId} may receive records about {@code entity}. */
    boolean visibleTo(int entity, int peerId);

    /** Whether the peer in {@code slot} (see {@code PeerSlots}) may receive records about {@code entity}. */
    boolean visibleToSlot(int entity, int slot);

    /** Whether every connected peer may (lets the fan-out send one set of packets to all). */
    boolean visibleToAll(int entity);

    /** Whether at least one connected peer may (otherwise the record is not even written). */
    boolean visibleToAny(int entity);
}

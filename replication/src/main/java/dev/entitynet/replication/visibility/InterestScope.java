package dev.entitynet.replication.visibility;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * What spawn visibility asks interest management (internal): which peers may see an entity at all
 * before Godot's visibility rules decide. Peers are named by their slot (see
 * {@code dev.entitynet.replication.peer.PeerSlots}). Entities interest management does not place
 * are candidates for every peer, as without it.
 */
public interface InterestScope {
    /** The scope without interest management: every peer is a candidate for every entity. */
    InterestScope EVERYONE = new InterestScope() {
        @Override
        public boolean admits(int entity, int slot, boolean has) {
            return true;
        }

        @Override
        public boolean coveringSlots(int entity, IntArrayList out) {
            return false;
        }

        @Override
        public void tracked(int entity) {
        }

        @Override
        public void untracked(int entity) {
        }

        @Override
        public void placePending() {
        }
    };

    /**
     * Whether the peer in {@code slot} may have {@code entity} as far as interest goes, given
     * whether it {@code has} it now (interest keeps an entity longer than it takes to gain it).
     */
    boolean admits(int entity, int slot, boolean has);

    /**
     * Adds the slots of the peers whose interest may hold {@code entity} to {@code out} and
     * returns true; returns false, leaving {@code out} alone, when interest does not manage the
     * entity (then every peer is a candidate).
     */
    boolean coveringSlots(int entity, IntArrayList out);

    /** A spawn this peer is the authority of is tracked: place it by {@link #placePending}. */
    void tracked(int entity);

    /** A tracked spawn ended. */
    void untracked(int entity);

    /**
     * Places the spawns tracked since the last call, reading their positions now (the game has set
     * them up by then), and asks spawn visibility to consider them for the peers that see their cell.
     */
    void placePending();
}

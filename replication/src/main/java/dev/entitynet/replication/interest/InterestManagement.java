package dev.entitynet.replication.interest;

/**
 * Spatial interest management, the game's side: each peer sees the spawns in the cells of its
 * viewpoints, and only those are spawned on it and kept in sync. Enabled with
 * {@code SceneReplication.enableInterest(grid, locator)} on the authority.
 *
 * <pre>{@code
 * InterestManagement interest = replication.enableInterest(CellGrid.plane(50, 0, 0, 1000, 1000),
 *         Locator.plane(world.getMapper(Body.class), b -> b.x, b -> b.y));
 * multiplayer.signals().peerConnected.connect(peer -> {
 *     int player = replication.spawners().instantiate(spawner, "Player", "p" + peer);
 *     interest.addViewpoint(peer, player, 150, 200); // sees within 150, keeps until 200
 * });
 * }</pre>
 *
 * <p>How it composes with Godot's visibility: interest decides which peers are candidates for a
 * spawn; the public flag, {@code set_visibility_for}, filters and the parent rule then decide as
 * without interest management. A spawn the {@link Locator} cannot place is a candidate for every
 * peer. A filter costs one call per tick per peer whose interest holds the entity (not per peer
 * connected); without filters, an entity that stays in its cell costs nothing per peer.
 *
 * <p>What it costs: an entity entering another cell costs a few loads per peer watching either
 * cell; a viewpoint entering another cell costs the cells it gained or lost plus their entities;
 * each entity entering or leaving a peer's interest costs one SPAWN (with its state) or DESPAWN.
 * Changes made during a tick take effect at its end, before the tick's spawns and records go out.
 */
public final class InterestManagement {
    private final InterestEngine engine;

    InterestManagement(InterestEngine engine) {
        this.engine = engine;
    }

    /** The grid. */
    public CellGrid grid() {
        return engine.grid();
    }

    /**
     * Lets {@code peerId} see from {@code anchor}: an entity is spawned on the peer when it is in a
     * cell within {@code enterRadius} of the anchor's cell, and stays while it is in a cell within
     * {@code leaveRadius}. Radii are measured from the anchor's cell to each cell (the gap between
     * their boxes), so the cells change only when the anchor enters another cell: the peer sees at
     * least everything within {@code enterRadius} of the anchor, and at most about two cell
     * diagonals more. A leave radius larger than the enter radius by a cell diagonal (cell size x
     * sqrt(2) in 2D, x sqrt(3) in 3D) keeps an entity hovering on the edge, or an anchor going back
     * and forth across a cell edge, from spawning and despawning anything after the first crossing.
     *
     * @throws IllegalArgumentException when the peer is not admitted, the anchor is negative, a
     *     radius is not positive and finite, {@code leaveRadius < enterRadius}, or the leave radius
     *     spans more than 65,536 cells
     */
    public Viewpoint addViewpoint(int peerId, int anchor, float enterRadius, float leaveRadius) {
        return engine.add(peerId, anchor, new RadiusShape(engine.grid(), enterRadius, leaveRadius));
    }

    /**
     * Lets {@code peerId} see the cells {@code policy} answers, asked whenever {@code anchor}
     * enters another cell and after {@link #refresh}.
     *
     * @throws IllegalArgumentException when the peer is not admitted, the anchor is negative or the policy null
     */
    public Viewpoint addViewpoint(int peerId, int anchor, InterestPolicy policy) {
        return engine.add(peerId, anchor, new PolicyShape(engine.grid(), policy));
    }

    /** Ends a viewpoint: what only it let its peer see is despawned there at the end of the tick. */
    public void removeViewpoint(Viewpoint viewpoint) {
        engine.remove(viewpoint);
    }

    /** Asks a policy viewpoint's policy again at the end of the tick (radius viewpoints ignore this). */
    public void refresh(Viewpoint viewpoint) {
        engine.refresh(viewpoint);
    }

    /** The cell {@code entity} is in, or -1 when interest management does not place it. */
    public int cellOf(int entity) {
        return engine.cellOf(entity);
    }

    /**
     * Whether {@code peerId}'s viewpoints let it have {@code entity}, given whether it {@code has}
     * it now: the entity's cell is entered, or kept and the peer has it (true for entities not
     * placed, false for peers that are not admitted). Whether it does have the spawn is also up to
     * Godot's visibility rules: {@code SceneReplication.isVisibleTo}.
     */
    public boolean admits(int entity, int peerId, boolean has) {
        int slot = engine.slots().slotOf(peerId);
        return slot >= 0 && engine.admits(entity, slot, has);
    }

    /** Cells {@code peerId}'s viewpoints keep (entered ones included). */
    public int cellsSeen(int peerId) {
        int slot = engine.slots().slotOf(peerId);
        return slot < 0 ? 0 : engine.cellsKept(slot);
    }
}

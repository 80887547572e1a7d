package dev.entitynet.replication.interest;

import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.packet.CellIndex;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.visibility.InterestScope;
import dev.entitynet.replication.visibility.Reconsider;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * Interest management inside the replication engine, as {@code SceneReplication} drives it
 * (internal: games use {@link InterestManagement}). It keeps every placed spawn in its cell
 * ({@link CellMembers}) and the cells every peer enters and keeps ({@link CellSubscriptions}), and reports to
 * spawn visibility only the (entity, peer) pairs a change touched:
 * <ul>
 * <li>an entity entering another cell: the peers that see one of the two cells and not the other,
 *     O(peers watching those cells);</li>
 * <li>a viewpoint's anchor entering another cell: the entities of the cells its peer started
 *     entering or stopped keeping, O(cells that changed + their entities);</li>
 * <li>anything else: nothing. An entity that stays in its cell costs one locator call per tick
 *     with {@code COMPARE_ALL} and nothing with {@code MARKED} unless marked.</li>
 * </ul>
 */
public final class InterestEngine implements InterestScope, CellIndex {
    private final CellGrid grid;
    private final Locator locator;
    private final ChangeTracking tracking;
    private final PeerSlots slots;
    private final Reconsider reconsider;
    private final ReplicationStats stats;
    private final CellMembers members;
    private final CellSubscriptions subscriptions;
    private final ObjectArrayList<Viewpoint> viewpoints = new ObjectArrayList<>();
    private final IntArrayList pending = new IntArrayList();
    private final IntArrayList marked = new IntArrayList();
    private long[] markedBits = new long[0];
    private final Position position = new Position();
    private final PeerChanges changes = new PeerChanges();
    private final InterestManagement api;

    /**
     * @param tracking how moves are found: every placed entity is located each tick with
     *     {@code COMPARE_ALL}, only those passed to {@link #moved} with {@code MARKED}
     * @param reconsider where the (entity, peer slot) pairs whose interest changed go
     */
    public InterestEngine(CellGrid grid, Locator locator, ChangeTracking tracking, PeerSlots slots, Reconsider reconsider,
                          ReplicationStats stats) {
        if (grid == null || locator == null) {
            throw new IllegalArgumentException("interest management needs a CellGrid and a Locator");
        }
        this.grid = grid;
        this.locator = locator;
        this.tracking = tracking;
        this.slots = slots;
        this.reconsider = reconsider;
        this.stats = stats;
        this.members = new CellMembers(grid.cellCount());
        this.subscriptions = new CellSubscriptions(grid.cellCount());
        this.api = new InterestManagement(this);
    }

    /** The game's side. */
    public InterestManagement api() {
        return api;
    }

    CellGrid grid() {
        return grid;
    }

    // ---------------------------------------------------------------- InterestScope

    @Override
    public boolean admits(int entity, int slot, boolean has) {
        int cell = members.cellOf(entity);
        return cell < 0 || subscriptions.admits(cell, slot, has);
    }

    @Override
    public boolean coveringSlots(int entity, IntArrayList out) {
        int cell = members.cellOf(entity);
        if (cell < 0) {
            return false;
        }
        for (int e = subscriptions.first(cell); e >= 0; e = subscriptions.next(e)) {
            out.add(subscriptions.slotOf(e));
        }
        return true;
    }

    @Override
    public void tracked(int entity) {
        pending.add(entity);
    }

    @Override
    public void untracked(int entity) {
        if (!pending.rem(entity)) {
            members.remove(entity);
        }
        int word = entity >>> 6;
        if (word < markedBits.length && (markedBits[word] & 1L << entity) != 0) {
            markedBits[word] &= ~(1L << entity);
            marked.rem(entity);
        }
    }

    @Override
    public void placePending() {
        for (int i = 0; i < pending.size(); i++) {
            int entity = pending.getInt(i);
            if (locator.locate(entity, position)) {
                members.insert(entity, cellOfPosition());
            }
        }
        pending.clear();
    }

    // ---------------------------------------------------------------- per tick

    /** Marks {@code entity} as possibly moved (needed with {@code MARKED}); unplaced entities are ignored. */
    public void moved(int entity) {
        if (members.cellOf(entity) < 0) {
            return;
        }
        int word = entity >>> 6;
        if (word >= markedBits.length) {
            markedBits = Arrays.copyOf(markedBits, Math.max(word + 1, markedBits.length * 2));
        }
        if ((markedBits[word] & 1L << entity) == 0) {
            markedBits[word] |= 1L << entity;
            marked.add(entity);
        }
    }

    /**
     * End of tick, before spawns go out: places new spawns, moves entities that entered another
     * cell, and moves viewpoints whose anchor did, reporting every (entity, peer) pair that changed.
     */
    public void update() {
        placePending();
        if (tracking == ChangeTracking.COMPARE_ALL) {
            for (int i = 0, n = members.placedCount(); i < n; i++) {
                relocate(members.placedAt(i));
            }
        } else {
            for (int i = 0; i < marked.size(); i++) {
                int entity = marked.getInt(i);
                markedBits[entity >>> 6] &= ~(1L << entity);
                relocate(entity);
            }
            marked.clear();
        }
        for (int i = 0; i < viewpoints.size(); i++) {
            updateViewpoint(viewpoints.get(i));
        }
    }

    private void relocate(int entity) {
        if (!locator.locate(entity, position)) {
            return; // no position any more: it keeps its last cell
        }
        int from = members.cellOf(entity);
        int to = cellOfPosition(from);
        if (to == from) {
            return;
        }
        members.move(entity, to);
        stats.increment(Counter.CELL_CROSSINGS);
        // a peer changes its mind only if it enters the new cell and did not enter the old one,
        // or kept the old cell and does not keep the new one
        for (int e = subscriptions.first(from); e >= 0; e = subscriptions.next(e)) {
            int slot = subscriptions.slotOf(e);
            if (!subscriptions.keeps(to, slot) || subscriptions.enters(to, slot) && !subscriptions.entering(e)) {
                reconsider.reconsider(entity, slot);
            }
        }
        for (int e = subscriptions.first(to); e >= 0; e = subscriptions.next(e)) {
            int slot = subscriptions.slotOf(e);
            if (subscriptions.entering(e) && !subscriptions.keeps(from, slot)) {
                reconsider.reconsider(entity, slot);
            }
        }
    }

    private int cellOfPosition() {
        return cellOfPosition(-1);
    }

    /** The cell of {@link #position}; a placement outside the box (into another cell than {@code current}) is counted. */
    private int cellOfPosition(int current) {
        int cell = grid.cellOf(position.x, position.y, position.z);
        if (cell != current && !grid.contains(position.x, position.y, position.z)) {
            stats.increment(Counter.OUT_OF_BOUNDS);
        }
        return cell;
    }

    private void updateViewpoint(Viewpoint vp) {
        boolean refresh = vp.refreshRequested;
        vp.refreshRequested = false;
        if (!locator.locate(vp.anchor, position)) {
            return; // the anchor has no position (any more): the viewpoint keeps what it sees
        }
        int cell = grid.cellOf(position.x, position.y, position.z);
        changes.slot = vp.slot;
        if (cell != vp.anchorCell) {
            vp.shape.moved(vp.anchorCell, cell, changes);
            vp.anchorCell = cell;
        } else if (refresh) {
            vp.shape.refresh(cell, changes);
        }
    }

    // ---------------------------------------------------------------- viewpoints

    Viewpoint add(int peerId, int anchor, ViewShape shape) {
        int slot = slots.slotOf(peerId);
        if (slot < 0) {
            throw new IllegalArgumentException("peer " + peerId + " is not admitted; add its viewpoints once it is (from peer_connected on)");
        }
        if (anchor < 0) {
            throw new IllegalArgumentException("a viewpoint needs an anchor entity (usually the peer's player), got " + anchor);
        }
        subscriptions.reserve(slot, shape.maxCells());
        Viewpoint vp = new Viewpoint(peerId, slot, anchor, shape);
        viewpoints.add(vp);
        return vp;
    }

    void remove(Viewpoint vp) {
        if (vp.removed) {
            return;
        }
        vp.removed = true;
        viewpoints.remove(vp);
        changes.slot = vp.slot;
        vp.shape.clear(vp.anchorCell, changes);
    }

    void refresh(Viewpoint vp) {
        vp.refreshRequested = true;
    }

    /** The peer left: its viewpoints end. */
    public void peerRemoved(int peerId) {
        for (int i = viewpoints.size() - 1; i >= 0; i--) {
            if (viewpoints.get(i).peerId == peerId) {
                remove(viewpoints.get(i));
            }
        }
    }

    /** Forgets every placement and viewpoint (Godot's {@code clear()}). */
    public void reset() {
        for (int i = 0; i < viewpoints.size(); i++) {
            viewpoints.get(i).removed = true;
        }
        viewpoints.clear();
        members.clear();
        subscriptions.clear();
        pending.clear();
        for (int i = 0; i < marked.size(); i++) {
            int entity = marked.getInt(i);
            markedBits[entity >>> 6] &= ~(1L << entity);
        }
        marked.clear();
    }

    // ---------------------------------------------------------------- queries

    @Override
    public int cellCount() {
        return grid.cellCount();
    }

    /** The cell of {@code entity}, or -1 when interest does not place it. */
    @Override
    public int cellOf(int entity) {
        return members.cellOf(entity);
    }

    /** Cells the peer in {@code slot} keeps (entered or not): every entity it has is in one of them or not placed. */
    @Override
    public int cellsKept(int slot) {
        return subscriptions.cellCount(slot);
    }

    /** The {@code i}-th cell the peer in {@code slot} keeps. */
    @Override
    public int cellKept(int slot, int i) {
        return subscriptions.cellAt(slot, i);
    }

    PeerSlots slots() {
        return slots;
    }

    /**
     * Subscribes and unsubscribes one peer's cells as its viewpoints report them. Only a cell the
     * peer starts entering, or stops keeping, can change what it has.
     */
    private final class PeerChanges implements ViewShape.Changes {
        int slot;

        @Override
        public void keepGained(int cell) {
            subscriptions.addKeep(cell, slot);
        }

        @Override
        public void enterGained(int cell) {
            if (subscriptions.addEnter(cell, slot)) {
                stats.increment(Counter.CELLS_GAINED);
                reconsiderCell(cell);
            }
        }

        @Override
        public void enterLost(int cell) {
            subscriptions.removeEnter(cell, slot);
        }

        @Override
        public void keepLost(int cell) {
            if (subscriptions.removeKeep(cell, slot)) {
                stats.increment(Counter.CELLS_LOST);
                reconsiderCell(cell);
            }
        }

        private void reconsiderCell(int cell) {
            for (int e = members.first(cell); e >= 0; e = members.next(e)) {
                reconsider.reconsider(e, slot);
            }
        }
    }
}

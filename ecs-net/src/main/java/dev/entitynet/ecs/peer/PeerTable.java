package dev.entitynet.ecs.peer;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntLists;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * The remote peers one side knows: every session by id, the admitted ids in admission order, and
 * the direct sessions still in hello or authentication. Bookkeeping only: signals, counters and
 * notices are the caller's.
 */
public final class PeerTable {
    private final Int2ObjectOpenHashMap<PeerSession> sessions = new Int2ObjectOpenHashMap<>();
    private final IntArrayList admitted = new IntArrayList();
    private final IntList admittedView = IntLists.unmodifiable(admitted);
    private final ObjectArrayList<PeerSession> pending = new ObjectArrayList<>();

    /** The session of {@code peerId}, or null. */
    public PeerSession get(int peerId) {
        return sessions.get(peerId);
    }

    /** Whether {@code peerId} has a session. */
    public boolean contains(int peerId) {
        return sessions.containsKey(peerId);
    }

    /** Starts a pending session for a peer the transport just connected. */
    public PeerSession addDirect(int peerId, long nowNanos) {
        PeerSession s = new PeerSession(peerId, true, PeerSession.State.HELLO, nowNanos);
        sessions.put(peerId, s);
        pending.add(s);
        return s;
    }

    /** Adds a peer reached through the server, admitted at once (the server admitted it). */
    public PeerSession addRelayed(int peerId, long nowNanos) {
        PeerSession s = new PeerSession(peerId, false, PeerSession.State.ADMITTED, nowNanos);
        sessions.put(peerId, s);
        admitted.add(peerId);
        return s;
    }

    /** Moves a pending session to admitted, last in admission order. */
    public void admit(PeerSession s) {
        s.state(PeerSession.State.ADMITTED);
        pending.remove(s);
        admitted.add(s.id());
    }

    /** Removes {@code s} wherever it stands. */
    public void remove(PeerSession s) {
        sessions.remove(s.id());
        pending.remove(s);
        if (s.isAdmitted()) {
            admitted.rem(s.id());
        }
    }

    /** The admitted ids in admission order (a live read-only view). */
    public IntList admitted() {
        return admittedView;
    }

    /** How many sessions are pending admission. */
    public int pendingCount() {
        return pending.size();
    }

    /** The {@code index}-th pending session, oldest first. */
    public PeerSession pendingAt(int index) {
        return pending.get(index);
    }

    /** The ids of the pending sessions (allocates). */
    public IntList pendingIds() {
        IntArrayList ids = new IntArrayList(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            ids.add(pending.get(i).id());
        }
        return ids;
    }

    /** The ids of every session, admitted ones first in admission order, then pending ones (allocates). */
    public IntArrayList ids() {
        IntArrayList ids = new IntArrayList(admitted);
        for (int i = 0; i < pending.size(); i++) {
            ids.add(pending.get(i).id());
        }
        return ids;
    }

    /** Forgets every session. */
    public void clear() {
        sessions.clear();
        admitted.clear();
        pending.clear();
    }
}

package dev.entitynet.transport.enet.engine;

/**
 * Which peers the next service pass must visit, so that a pass costs O(peers with something to
 * do) instead of O(slots): peers marked when something happened to them (a datagram from them,
 * a command queued to them, a setting changed) and peers whose retransmission timer or ping is
 * due. After its visit each peer either stays marked (it still has something to send now) or
 * gets a timer for the next moment it will need one. A visit to a peer with nothing to do does
 * nothing, so visiting only these peers sends exactly what visiting every slot would.
 */
final class ServiceSchedule {
    private final SlotSet marked;
    private final TimerHeap timers;

    ServiceSchedule(int slots) {
        this.marked = new SlotSet(slots);
        this.timers = new TimerHeap(slots);
    }

    /** {@code peer} needs a visit on the next pass. */
    void mark(Peer peer) {
        marked.add(peer.incomingPeerId);
    }

    /** {@code peer}'s slot was freed: it needs nothing any more. */
    void forget(Peer peer) {
        marked.remove(peer.incomingPeerId);
        timers.cancel(peer.incomingPeerId);
    }

    /** Marks every peer whose timer is due at {@code now}. */
    void expire(long now) {
        while (!timers.isEmpty() && timers.firstDue() <= now) {
            marked.add(timers.pollFirst());
        }
    }

    /** Slots {@code 64 i .. 64 i + 63} that are marked, as bits (see {@link SlotSet#word}). */
    long markedWord(int i) {
        return marked.word(i);
    }

    int words() {
        return marked.words();
    }

    /** After a visit: keeps {@code peer} marked if it can send more now, and sets its timer. */
    void visited(Peer peer) {
        int slot = peer.incomingPeerId;
        if (peer.state == PeerState.DISCONNECTED || peer.state == PeerState.ZOMBIE) {
            forget(peer);
            return;
        }
        if (canSendNow(peer)) {
            marked.add(slot);
        } else {
            marked.remove(slot);
        }
        long due = dueAt(peer);
        if (due == Peer.NEVER) {
            timers.cancel(slot);
        } else {
            timers.schedule(slot, due);
        }
    }

    /** The earliest moment a pass has something to do: {@code now} while a peer is marked. */
    long nextServiceMillis(long now) {
        if (!marked.isEmpty()) {
            return now;
        }
        return timers.isEmpty() ? Long.MAX_VALUE : Math.max(now, timers.firstDue());
    }

    private static boolean canSendNow(Peer peer) {
        return !peer.acknowledgements.isEmpty() || !peer.outgoingUnreliable.isEmpty()
                || (!peer.outgoingReliable.isEmpty() && !peer.windowBlocked);
    }

    /** The next retransmission check while something is in flight, else the next ping of a connected peer. */
    private static long dueAt(Peer peer) {
        if (!peer.sentReliable.isEmpty()) {
            return peer.nextTimeout;
        }
        return peer.state == PeerState.CONNECTED ? peer.lastReceiveTime + peer.pingInterval : Peer.NEVER;
    }
}

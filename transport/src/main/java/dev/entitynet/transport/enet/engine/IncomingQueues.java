package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;

/**
 * Received data commands waiting for their turn, kept so that no step costs more than a bounded
 * amount of work whatever a peer has queued. Reliable ones (whole commands, and fragment groups
 * under their first sequence number) are found through the host-wide {@link ReliableIndex} and
 * listed per peer so a reset can drop them. Unreliable ones wait in their channel's list, ordered
 * by (reliable epoch, unreliable sequence); a new one is placed by a walk of at most
 * {@link #UNRELIABLE_REACH} steps from the tail. (The byte caps of {@link ReceiveBudget} bound how
 * many wait.)
 */
final class IncomingQueues {
    /** Steps a walk of an unreliable queue takes from its tail at most; a packet that belongs deeper is dropped. */
    static final int UNRELIABLE_REACH = 64;
    /** How far past its channel's last delivered sequence number a queued reliable command can lie. */
    private static final int RELIABLE_REACH = (Protocol.FREE_RELIABLE_WINDOWS - 1) * Protocol.RELIABLE_WINDOW_SIZE;

    private final Host host;
    private final ReliableIndex reliable;

    IncomingQueues(Host host, long seed) {
        this.host = host;
        this.reliable = new ReliableIndex(seed, host.stats);
    }

    /** The reliable command or fragment group queued at {@code sequence}, or null. */
    IncomingCommand reliable(Peer peer, int channelId, int sequence) {
        return reliable.get(peer.incomingPeerId, channelId, sequence);
    }

    /** Queues a reliable command or fragment group under its (first) sequence number, which must be free. */
    void queueReliable(Peer peer, IncomingCommand c) {
        reliable.put(peer.incomingPeerId, c.channel, c.reliableSequence, c);
        peer.reliableQueue.addLast(c);
        peer.channels[c.channel].reliableQueued++;
    }

    void unqueueReliable(Peer peer, IncomingCommand c) {
        reliable.remove(peer.incomingPeerId, c.channel, c.reliableSequence);
        peer.reliableQueue.remove(c);
        peer.channels[c.channel].reliableQueued--;
    }

    /**
     * Drops the reliable commands queued at {@code first + 1 .. first + span}: a fragment group
     * delivered from {@code first} took those sequence numbers. Honest senders never overlap; the
     * work is at most one lookup per fragment of that group, and ends when the channel has nothing
     * more queued.
     */
    void dropOvertaken(Peer peer, int channelId, int first, int span) {
        Channel channel = peer.channels[channelId];
        int last = Math.min(span, RELIABLE_REACH);
        for (int i = 1; i <= last && channel.reliableQueued > 0; i++) {
            IncomingCommand c = reliable(peer, channelId, (first + i) & 0xFFFF);
            if (c != null) {
                unqueueReliable(peer, c);
                host.dropIncoming(peer, c);
            }
        }
    }

    /**
     * Walks back from the tail of {@code channel}'s unreliable queue, at most
     * {@link #UNRELIABLE_REACH} steps, to the last command not after (reliableSequence,
     * unreliableSequence): the one to insert after (null: the head), or an equal one (a duplicate,
     * or the group a fragment joins). When the place lies deeper it returns a command after the key
     * (see {@link #compare}): honest packets arrive close to in order and land near the tail.
     */
    IncomingCommand unreliablePlace(Channel channel, int reliableSequence, int unreliableSequence) {
        long key = unreliableKey(channel, reliableSequence, unreliableSequence);
        IncomingCommand c = channel.incomingUnreliable.last();
        for (int steps = 0; steps < UNRELIABLE_REACH && c != null && unreliableKey(channel, c) > key; steps++) {
            host.stats.countOrderingSteps(1);
            c = channel.incomingUnreliable.previous(c);
        }
        return c;
    }

    /**
     * Where queued {@code c} stands against (reliableSequence, unreliableSequence) in the channel's
     * order: negative before it (null, the head, is before everything), 0 the same, positive after.
     */
    static int compare(Channel channel, IncomingCommand c, int reliableSequence, int unreliableSequence) {
        return c == null ? -1 : Long.compare(unreliableKey(channel, c), unreliableKey(channel, reliableSequence, unreliableSequence));
    }

    /** Drops everything the peer has queued (its queues are being reset), then lets the index shrink. */
    void dropAll(Peer peer) {
        IncomingCommand c;
        while ((c = peer.reliableQueue.first()) != null) {
            unqueueReliable(peer, c);
            host.dropIncoming(peer, c);
        }
        for (int i = 0; i < peer.channelCount; i++) {
            Channel channel = peer.channels[i];
            while ((c = channel.incomingUnreliable.poll()) != null) {
                host.dropIncoming(peer, c);
            }
        }
        reliable.trim();
    }

    private static long unreliableKey(Channel channel, IncomingCommand c) {
        return unreliableKey(channel, c.reliableSequence, c.unreliableSequence);
    }

    /** Unreliable commands are ordered by reliable epoch (from the channel's current one), then unreliable sequence. */
    private static long unreliableKey(Channel channel, int reliableSequence, int unreliableSequence) {
        return (long) ((reliableSequence - channel.incomingReliableSequence) & 0xFFFF) << 16 | unreliableSequence;
    }
}

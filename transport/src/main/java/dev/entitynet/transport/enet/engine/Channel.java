package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;

/** Sequencing state of one channel of one connection, both directions. */
final class Channel {
    int outgoingReliableSequence;
    int outgoingUnreliableSequence;
    /** Bit w set while window w has unacknowledged first transmissions. */
    int usedReliableWindows;
    final int[] reliableWindows = new int[Protocol.RELIABLE_WINDOWS];
    int incomingReliableSequence;
    int incomingUnreliableSequence;
    /** Reliable commands and fragment groups of this channel in the host's {@link ReliableIndex}. */
    int reliableQueued;
    /** Unreliable commands waiting for their turn, by (reliable epoch, unreliable sequence). */
    final NodeList<IncomingCommand> incomingUnreliable = new NodeList<>();

    void resetSequences() {
        outgoingReliableSequence = 0;
        outgoingUnreliableSequence = 0;
        usedReliableWindows = 0;
        java.util.Arrays.fill(reliableWindows, 0);
        incomingReliableSequence = 0;
        incomingUnreliableSequence = 0;
    }
}

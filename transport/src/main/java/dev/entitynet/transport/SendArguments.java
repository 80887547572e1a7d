package dev.entitynet.transport;

import java.util.Objects;

/** The checks every {@link MultiplayerPeer#send} makes before it touches anything. */
public final class SendArguments {
    private SendArguments() {
    }

    /**
     * Rejects a send that no transport could perform, with a message that says what to change.
     *
     * @throws IllegalStateException when the peer is closed
     * @throws IllegalArgumentException for a bad channel, length or target
     */
    public static void check(MultiplayerPeer peer, boolean closed, int target, TransferMode mode, int channel, int length) {
        if (closed) {
            throw new IllegalStateException("the peer is closed; create a new one to connect again");
        }
        Objects.requireNonNull(mode, "mode");
        if (channel < 0 || channel >= peer.channelCount()) {
            throw new IllegalArgumentException("channel " + channel + " is out of range: this peer has channels 0.."
                    + (peer.channelCount() - 1) + "; configure more channels when creating it");
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (length > peer.maxPacketSize()) {
            throw new IllegalArgumentException("a packet of " + length + " bytes exceeds maxPacketSize "
                    + peer.maxPacketSize() + "; split it or raise the limit in the peer's configuration");
        }
        if (target == peer.uniqueId()) {
            throw new IllegalArgumentException("peer " + target + " cannot send to itself; call the handler locally instead");
        }
    }
}

package dev.entitynet.transport;

import net.openhft.chronicle.bytes.Bytes;

/**
 * A reusable view of one received packet: who sent it, how, on which channel, and its payload as
 * off-heap bytes (little-endian, as Chronicle reads them). Reading it allocates nothing. Valid until
 * the next {@link MultiplayerPeer#poll} on the peer that delivered it.
 */
public final class ReceivedPacket {
    private int senderId;
    private TransferMode mode = TransferMode.RELIABLE;
    private int channel;
    private Bytes<?> payload;

    /**
     * Points this view at a packet. For transport implementations; {@code payload}'s readable
     * range ({@code readPosition} to {@code readLimit}) must be the packet.
     *
     * @return this view
     */
    public ReceivedPacket set(int senderId, TransferMode mode, int channel, Bytes<?> payload) {
        this.senderId = senderId;
        this.mode = mode;
        this.channel = channel;
        this.payload = payload;
        return this;
    }

    /** The id of the peer that sent the packet (1 for the server). */
    public int senderId() {
        return senderId;
    }

    /** The transfer mode the packet was sent with. */
    public TransferMode mode() {
        return mode;
    }

    /** The channel the packet was sent on. */
    public int channel() {
        return channel;
    }

    /** The payload; reading advances its read position, which is this packet's to consume. */
    public Bytes<?> payload() {
        return payload;
    }

    /** Payload bytes not yet read. */
    public int remaining() {
        return (int) payload.readRemaining();
    }

    /** Copies the unread payload into a new array. Allocates; for tests and tools, not hot paths. */
    public byte[] toByteArray() {
        byte[] copy = new byte[remaining()];
        payload.read(payload.readPosition(), copy, 0, copy.length);
        return copy;
    }
}

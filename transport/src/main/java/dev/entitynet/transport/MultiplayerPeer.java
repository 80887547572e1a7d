package dev.entitynet.transport;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The transport under the high-level multiplayer API, with Godot's {@code MultiplayerPeer} semantics:
 * the server is peer 1, clients have random positive 31-bit ids; a target of 0 means everyone, a
 * negative target everyone except that id. A peer is single-threaded from the caller's side: send,
 * poll and the rest are called from one thread (the game thread); events arrive only inside
 * {@link #poll}.
 */
public interface MultiplayerPeer extends AutoCloseable {

    /** This peer's id: 1 on a server, a random id of at least 2 on a client. */
    int uniqueId();

    /** Whether this peer is the server (id 1). */
    default boolean isServer() {
        return uniqueId() == PeerIds.SERVER;
    }

    /** Where the connection stands. */
    ConnectionStatus connectionStatus();

    /** How many channels {@link #send} accepts: channels are 0 to {@code channelCount() - 1}. */
    int channelCount();

    /** The largest payload {@link #send} accepts, in bytes. */
    int maxPacketSize();

    /**
     * Whether clients of this transport can only reach each other through the server, so the
     * layer above may relay for them (Godot's {@code is_server_relay_supported}).
     */
    boolean isServerRelaySupported();

    /** Whether a server turns new clients away. */
    boolean isRefusingNewConnections();

    /** Makes a server turn new clients away (clients already connected stay). */
    void setRefuseNewConnections(boolean refuse);

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset} to {@code target}. The bytes
     * are copied before this returns; the caller keeps ownership of {@code data}.
     *
     * @throws IllegalArgumentException when the channel is out of range, the length exceeds
     *     {@link #maxPacketSize()}, or the target is this peer itself
     * @throws IllegalStateException when this peer has been closed
     */
    SendResult send(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length);

    /** Sends the readable bytes of {@code data} without consuming them. */
    default SendResult send(int target, TransferMode mode, int channel, Bytes<?> data) {
        long readable = data.readRemaining();
        if (readable > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a packet of " + readable + " bytes exceeds maxPacketSize " + maxPacketSize());
        }
        return send(target, mode, channel, data, data.readPosition(), (int) readable);
    }

    /** Sends a heap array: convenient, and allocation-free too. */
    SendResult send(int target, TransferMode mode, int channel, byte[] data, int offset, int length);

    /**
     * Delivers what arrived since the last poll (connections, disconnections, packets) to
     * {@code listener} on this thread, and does the periodic work of the transport.
     *
     * @return the number of events delivered
     */
    int poll(PeerEventListener listener);

    /**
     * Disconnects {@code peerId}. Graceful delivers what is already queued to it first; forced
     * drops it at once. Either way this side reports {@code peerDisconnected} on a later poll and
     * the other side learns of it. A client may disconnect only from the server (id 1).
     *
     * @throws IllegalArgumentException when {@code peerId} is not connected to this peer
     */
    void disconnectPeer(int peerId, boolean force);

    /**
     * Closes this peer: every connection is dropped (the other sides are told), status becomes
     * {@link ConnectionStatus#DISCONNECTED} and the peer can no longer be used. Idempotent.
     */
    @Override
    void close();
}

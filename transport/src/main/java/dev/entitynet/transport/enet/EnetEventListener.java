package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.Bytes;

/** What the engine reports; called from inside {@link EnetEngine#pollEvents} on the engine's thread. */
public interface EnetEventListener {
    /** A connection completed; {@code data} is CONNECT's data on the server side, 0 on the client. */
    void connected(int peerId, long endpoint, int data);

    /** A connection ended: graceful, by the remote, by timeout, or a failed connect attempt. */
    void disconnected(int peerId, long endpoint, int data);

    /** A packet; {@code payload}'s readable range is the packet, valid only during the call. */
    void received(int peerId, int channel, int flags, Bytes<?> payload);
}

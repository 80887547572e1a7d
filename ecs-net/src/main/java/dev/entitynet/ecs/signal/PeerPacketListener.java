package dev.entitynet.ecs.signal;

import net.openhft.chronicle.bytes.Bytes;

/** peer_packet: raw bytes sent with {@code sendBytes}. */
@FunctionalInterface
public interface PeerPacketListener {
    /**
     * {@code packet}'s readable bytes are the payload; the view is valid only during this call
     * (copy what must outlive it).
     */
    void onPacket(int senderId, Bytes<?> packet);
}

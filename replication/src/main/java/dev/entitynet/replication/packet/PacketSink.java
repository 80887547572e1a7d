package dev.entitynet.replication.packet;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.Bytes;

/** Where finished replication packets go (normally {@code ReplicationHost.sendPacket} on channel 0). */
@FunctionalInterface
public interface PacketSink {
    /** Sends the readable bytes of {@code packet} to {@code peerId}; the sink must not keep them. */
    SendResult send(int peerId, TransferMode mode, Bytes<?> packet);
}

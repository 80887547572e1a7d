package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;

/** Where the engine's outgoing datagrams go: the Netty shell or the simulated network. */
@FunctionalInterface
public interface DatagramOutput {
    /** One datagram to {@code endpoint}; {@code data} is valid only during the call (copy it). */
    void send(long endpoint, BytesStore<?, ?> data, long offset, int length);
}

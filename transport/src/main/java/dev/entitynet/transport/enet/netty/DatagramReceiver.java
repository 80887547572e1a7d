package dev.entitynet.transport.enet.netty;

import net.openhft.chronicle.bytes.BytesStore;

/** What a {@link UdpSocket} hands received datagrams to, on its event-loop thread. */
public interface DatagramReceiver {
    /**
     * One datagram from {@code endpoint} (see {@code Endpoints}); {@code data} is a view that is
     * valid only during the call.
     */
    void datagram(long endpoint, BytesStore<?, ?> data, long offset, int length);

    /** The socket has no more datagrams ready for now: a good moment to answer and flush. */
    void batchComplete();
}

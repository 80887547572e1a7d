package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.EnetEngine;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.function.LongSupplier;

/**
 * Puts {@link DatagramSecurity} between a socket and an ENet engine: datagrams from the network
 * are opened before the engine sees them (anything that does not authenticate is dropped and
 * counted there), and the engine's datagrams are sealed on their way out. A received datagram is
 * copied once, into a buffer where it is opened in place; an outgoing one is sealed straight from
 * the engine's heap buffer into the outgoing buffer (or copied there first when it lives off-heap).
 * Nothing is allocated. One thread.
 */
public final class SecureLink implements DatagramOutput {
    private static final int BUFFER_BYTES = DatagramSecurity.MAX_OVERHEAD + 4096;

    private final DatagramSecurity security;
    private final DatagramOutput network;
    private final LongSupplier epochMillis;
    private final byte[] outgoing = new byte[BUFFER_BYTES];
    private final BytesStore<?, byte[]> outgoingStore = BytesStore.wrap(outgoing);
    private final byte[] incoming = new byte[BUFFER_BYTES];
    private final BytesStore<?, byte[]> incomingStore = BytesStore.wrap(incoming);

    /**
     * Seals what the engine sends to {@code network}; opens what {@link #receive} gets, judging token
     * expiry by {@code epochMillis} (wall-clock time, as the backend that minted the tokens uses).
     */
    public SecureLink(DatagramSecurity security, DatagramOutput network, LongSupplier epochMillis) {
        this.security = security;
        this.network = network;
        this.epochMillis = epochMillis;
    }

    /** The security in use (its statistics, session events). */
    public DatagramSecurity security() {
        return security;
    }

    /** Opens a datagram from the network and, when it authenticates, hands the plaintext to {@code engine} at its time {@code nowMillis}. */
    public void receive(long endpoint, BytesStore<?, ?> data, long offset, int length, long nowMillis, EnetEngine engine) {
        if (length > incoming.length) {
            security.stats().drop(SecureDrop.FORGED);
            return;
        }
        data.read(offset, incoming, 0, length);
        int at = security.open(endpoint, incoming, 0, length, epochMillis.getAsLong());
        if (at >= 0) {
            engine.receive(endpoint, incomingStore, at, security.openedLength(), nowMillis);
        }
    }

    /** Seals one datagram of the engine's and sends it. */
    @Override
    public void send(long endpoint, BytesStore<?, ?> data, long offset, int length) {
        int at;
        if (data.underlyingObject() instanceof byte[] heap && data.start() == 0) {
            // a view of a whole array (BytesStore.wrap, as the engine's): offsets are array indexes
            at = security.seal(endpoint, heap, (int) offset, length, outgoing);
        } else {
            data.read(offset, outgoing, DatagramSecurity.HEADROOM, length);
            at = security.seal(endpoint, outgoing, DatagramSecurity.HEADROOM, length, outgoing);
        }
        if (at >= 0) {
            network.send(endpoint, outgoingStore, at, security.sealedLength());
        }
    }
}

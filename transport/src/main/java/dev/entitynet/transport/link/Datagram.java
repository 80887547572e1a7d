package dev.entitynet.transport.link;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * One datagram in flight on a simulated link: pooled off-heap payload plus the metadata the layer
 * above needs. Owned by whoever holds it last: a {@link DelayLine} while in flight, the receiver
 * after {@link DelayLine#pollDue}, then back to its {@link DatagramPool}.
 */
public final class Datagram {
    final Bytes<?> data = Bytes.allocateElasticDirect(256);
    long deliverAt;
    long order;

    /** What the datagram is, in the terms of the layer that sent it. */
    public int kind;
    /** The sender: a peer id or a simulated address. */
    public int from;
    /** The receiver, in the same terms as {@link #from}. */
    public int to;
    /** Transfer mode id, where the layer above has one. */
    public int mode;
    /** Channel, where the layer above has one. */
    public int channel;
    /** A sequence number, where the layer above needs one. */
    public int sequence;

    Datagram() {
    }

    /** The payload: readable from 0 to its length. */
    public Bytes<?> data() {
        return data;
    }

    /** Replaces the payload with {@code length} bytes of {@code src} from {@code offset}. */
    public Datagram payload(BytesStore<?, ?> src, long offset, int length) {
        data.clear();
        data.write(src, offset, length);
        return this;
    }

    /** Replaces the payload with a slice of a heap array. */
    public Datagram payload(byte[] src, int offset, int length) {
        data.clear();
        data.write(src, offset, length);
        return this;
    }

    /** The time this datagram arrives, in the link's clock. */
    public long deliverAt() {
        return deliverAt;
    }

    /** Payload length in bytes. */
    public int length() {
        return (int) data.writePosition();
    }

    void copyFrom(Datagram other) {
        data.clear();
        data.write((BytesStore<?, ?>) other.data, 0L, (long) other.length());
        kind = other.kind;
        from = other.from;
        to = other.to;
        mode = other.mode;
        channel = other.channel;
        sequence = other.sequence;
    }

    void release() {
        data.releaseLast();
    }
}

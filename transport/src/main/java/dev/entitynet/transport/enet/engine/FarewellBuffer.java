package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DatagramOutput;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Datagrams produced outside {@code service} (the unreliable DISCONNECT of disconnectNow and of an
 * aborted handshake, which libenet flushes at once) kept until the next service call hands them
 * to the real output. Bounded: when full, further farewells are dropped (they are unreliable anyway).
 */
final class FarewellBuffer implements DatagramOutput {
    private static final int CAPACITY = 64 * 1024;
    private final byte[] buffer = new byte[CAPACITY];
    private final BytesStore<?, byte[]> store = BytesStore.wrap(buffer);
    private int used;

    @Override
    public void send(long endpoint, BytesStore<?, ?> data, long offset, int length) {
        if (used + 10 + length > CAPACITY) {
            return;
        }
        dev.entitynet.transport.enet.protocol.Wire.put32(buffer, used, endpoint >>> 32);
        dev.entitynet.transport.enet.protocol.Wire.put32(buffer, used + 4, endpoint);
        dev.entitynet.transport.enet.protocol.Wire.put16(buffer, used + 8, length);
        data.read(offset, buffer, used + 10, length);
        used += 10 + length;
    }

    boolean isEmpty() {
        return used == 0;
    }

    /** Hands every buffered datagram to {@code out} and empties the buffer; returns how many. */
    int drainTo(DatagramOutput out) {
        int count = 0;
        int at = 0;
        while (at < used) {
            long endpoint = (dev.entitynet.transport.enet.protocol.Wire.u32(buffer, at) << 32)
                    | dev.entitynet.transport.enet.protocol.Wire.u32(buffer, at + 4);
            int length = dev.entitynet.transport.enet.protocol.Wire.u16(buffer, at + 8);
            out.send(endpoint, store, at + 10, length);
            at += 10 + length;
            count++;
        }
        used = 0;
        return count;
    }
}

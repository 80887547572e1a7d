package dev.entitynet.transport.enet.host;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * A Chronicle view of a caller's heap array, re-created only when the caller passes a different
 * array, so sending from the same byte[] again and again allocates nothing. One thread only.
 */
public final class HeapWrap implements AutoCloseable {
    private BytesStore<?, byte[]> wrap;

    /** A view of {@code data}. */
    public BytesStore<?, byte[]> of(byte[] data) {
        if (wrap == null || wrap.underlyingObject() != data) {
            close();
            wrap = BytesStore.wrap(data);
        }
        return wrap;
    }

    /** Lets go of the last view (the array itself is untouched). */
    @Override
    public void close() {
        if (wrap != null) {
            wrap.releaseLast();
            wrap = null;
        }
    }
}

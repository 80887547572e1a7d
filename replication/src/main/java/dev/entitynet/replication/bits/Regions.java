package dev.entitynet.replication.bits;

import net.openhft.chronicle.bytes.BytesStore;

/** The bounds check {@link BitWriter} and {@link BitReader} apply when they wrap a region. */
final class Regions {
    private Regions() {
    }

    static void check(BytesStore<?, ?> store, long offset, long lengthBytes) {
        long start = store.start();
        long end = start + store.realCapacity();
        if (lengthBytes < 0 || lengthBytes > Integer.MAX_VALUE || offset < start || offset > end - lengthBytes) {
            throw new IllegalArgumentException("region of " + lengthBytes + " bytes at offset " + offset
                    + " is not inside the store's allocated bytes [" + start + ", " + end + ")");
        }
    }
}

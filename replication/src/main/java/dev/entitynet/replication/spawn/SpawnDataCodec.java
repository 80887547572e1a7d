package dev.entitynet.replication.spawn;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Writes and reads the typed data of custom spawns. {@link #read} sees only the data's bytes and
 * may throw on malformed input: the spawn is then dropped and counted.
 *
 * @param <D> the spawn data type
 */
public interface SpawnDataCodec<D> {
    /** Appends {@code data}. */
    void write(D data, Bytes<?> out);

    /** Reads data written by {@link #write}; throws (any RuntimeException) when malformed. */
    D read(Bytes<?> in);
}

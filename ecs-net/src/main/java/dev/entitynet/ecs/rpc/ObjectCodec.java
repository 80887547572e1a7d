package dev.entitynet.ecs.rpc;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Encodes one object type for {@link ArgType#OBJECT} RPC arguments. This replaces Godot's object
 * encoding: only registered types decode, only when {@code allowObjectDecoding} is on, never through
 * Java serialization.
 *
 * @param <T> the object type
 */
public interface ObjectCodec<T> {
    /** Writes {@code value} at {@code out}'s write position. */
    void write(T value, Bytes<?> out);

    /**
     * Reads a value from exactly the readable bytes of {@code in}. The bytes come from the network:
     * throw (any RuntimeException) on anything invalid; the call is then dropped and counted.
     */
    T read(Bytes<?> in);
}

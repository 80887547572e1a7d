package dev.entitynet.ecs.rpc;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

import java.util.IdentityHashMap;
import java.util.Objects;

/** The object types RPC arguments may carry, each with a codec and a wire id (same on every side). */
public final class ObjectCodecs {
    private final Int2ObjectOpenHashMap<Entry<?>> byId = new Int2ObjectOpenHashMap<>();
    private final IdentityHashMap<Class<?>, Entry<?>> byClass = new IdentityHashMap<>();

    /**
     * Registers {@code codec} for exactly {@code type} (not subclasses) under {@code id} (0-65535).
     *
     * @throws IllegalArgumentException when the id or type is taken
     */
    public <T> void register(int id, Class<T> type, ObjectCodec<T> codec) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("codec id must be 0-65535, got " + id);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(codec, "codec");
        if (byId.containsKey(id) || byClass.containsKey(type)) {
            throw new IllegalArgumentException("codec id " + id + " or type " + type.getName() + " is already registered");
        }
        Entry<T> entry = new Entry<>(id, type, codec);
        byId.put(id, entry);
        byClass.put(type, entry);
    }

    Entry<?> byId(int id) {
        return byId.get(id);
    }

    Entry<?> byClass(Class<?> type) {
        return byClass.get(type);
    }

    record Entry<T>(int id, Class<T> type, ObjectCodec<T> codec) {
    }
}

package dev.entitynet.replication.snapshot;

import com.artemis.Component;
import com.artemis.ComponentMapper;
import com.artemis.World;
import dev.entitynet.replication.codec.PropertyCodec;
import dev.entitynet.replication.config.ReplicationConfig;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * A frozen {@link ReplicationConfig} bound to one World: each property's codec next to the mapper
 * of its component, resolved once, so encoding and applying are array lookups.
 */
public final class BoundConfig {
    private final ReplicationConfig config;
    private final ComponentMapper<Component>[] mappers;
    private final PropertyCodec<Component>[] codecs;
    /** Per property, the index of its component type among the config's distinct component types. */
    private final int[] componentSlot;
    /** One mapper per distinct component type. */
    private final ComponentMapper<Component>[] distinctMappers;

    /** Freezes {@code config} and resolves its component mappers in {@code world}. */
    @SuppressWarnings("unchecked")
    public BoundConfig(ReplicationConfig config, World world) {
        config.freeze();
        this.config = config;
        int n = config.size();
        this.mappers = new ComponentMapper[n];
        this.codecs = new PropertyCodec[n];
        this.componentSlot = new int[n];
        java.util.List<Class<?>> types = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            mappers[i] = (ComponentMapper<Component>) world.getMapper(config.property(i).componentType());
            codecs[i] = (PropertyCodec<Component>) config.property(i).codec();
            int slot = types.indexOf(config.property(i).componentType());
            if (slot < 0) {
                slot = types.size();
                types.add(config.property(i).componentType());
            }
            componentSlot[i] = slot;
        }
        this.distinctMappers = new ComponentMapper[types.size()];
        for (int i = 0; i < n; i++) {
            distinctMappers[componentSlot[i]] = mappers[i];
        }
    }

    /** Number of distinct component types the config reads. */
    public int componentTypes() {
        return distinctMappers.length;
    }

    /**
     * Looks up each of {@code entity}'s components the config reads once, into {@code out}
     * (length {@link #componentTypes()}), for {@link #encode(int, Component[], BytesStore, long)}.
     *
     * @throws IllegalStateException when the entity lacks one of them
     */
    public void fetch(int entity, Component[] out) {
        for (int i = 0; i < distinctMappers.length; i++) {
            Component c = distinctMappers[i].get(entity);
            if (c == null) {
                throw missing(entity, i);
            }
            out[i] = c;
        }
    }

    /** Encodes property {@code p} from components gathered by {@link #fetch}; returns bytes written. */
    public int encode(int p, Component[] fetched, BytesStore<?, ?> out, long offset) {
        return codecs[p].write(fetched[componentSlot[p]], out, offset);
    }

    private IllegalStateException missing(int entity, int slot) {
        for (int p = 0; p < config.size(); p++) {
            if (componentSlot[p] == slot) {
                return new IllegalStateException("entity " + entity + " is synchronized with config " + config.name()
                        + " but has no " + config.property(p).componentType().getSimpleName()
                        + " component; add it (for example in the prefab) or remove property " + config.property(p).name());
            }
        }
        throw new AssertionError(slot);
    }

    /** The config. */
    public ReplicationConfig config() {
        return config;
    }

    /** The codec of property {@code p}. */
    public PropertyCodec<Component> codec(int p) {
        return codecs[p];
    }

    /**
     * Encodes property {@code p} of {@code entity} at {@code offset}.
     *
     * @return bytes written
     * @throws IllegalStateException when the entity lacks the property's component
     */
    public int encode(int p, int entity, BytesStore<?, ?> out, long offset) {
        Component component = mappers[p].get(entity);
        if (component == null) {
            throw missing(entity, componentSlot[p]);
        }
        return codecs[p].write(component, out, offset);
    }

    /** Measures an untrusted encoded value of property {@code p}: its length or -1. */
    public int measure(int p, BytesStore<?, ?> in, long offset, long limit) {
        return codecs[p].measure(in, offset, limit);
    }

    /** Applies a measured value of property {@code p} to {@code entity}, creating the component if missing. */
    public void apply(int p, int entity, BytesStore<?, ?> in, long offset) {
        codecs[p].read(mappers[p].create(entity), in, offset);
    }

    /**
     * Measures the values of {@code properties[from..to)} back to back at {@code offset}.
     *
     * @return their total length, or -1 when one is malformed or they overrun {@code limit}
     */
    public long measureRun(int[] properties, int from, int to, BytesStore<?, ?> in, long offset, long limit) {
        long at = offset;
        for (int i = from; i < to; i++) {
            int n = codecs[properties[i]].measure(in, at, limit);
            if (n < 0) {
                return -1;
            }
            at += n;
        }
        return at - offset;
    }

    /** Applies values of {@code properties[from..to)} that {@link #measureRun} accepted. */
    public void applyRun(int[] properties, int from, int to, int entity, BytesStore<?, ?> in, long offset) {
        long at = offset;
        for (int i = from; i < to; i++) {
            int p = properties[i];
            int n = codecs[p].measure(in, at, Long.MAX_VALUE);
            apply(p, entity, in, at);
            at += n;
        }
    }
}

package dev.entitynet.replication.snapshot;

import com.artemis.Component;
import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.utils.Bag;
import java.lang.reflect.Field;
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
    /** Each mapper's component bag (indexed by entity id), read directly by column encoding. */
    private final Bag<Component>[] componentStorage;

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
        this.componentStorage = new Bag[types.size()];
        for (int i = 0; i < n; i++) {
            componentStorage[componentSlot[i]] = storageOf(mappers[i]);
        }
    }

    /**
     * The bag artemis 2.3 keeps a mapper's components in, found once by reflection at setup so a
     * tick reads components without a call per entity. Its array is re-read every tick (it is
     * replaced when the bag grows).
     */
    @SuppressWarnings("unchecked")
    private static Bag<Component> storageOf(ComponentMapper<Component> mapper) {
        try {
            Field field = ComponentMapper.class.getDeclaredField("components");
            field.setAccessible(true);
            return (Bag<Component>) field.get(mapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read artemis ComponentMapper.components (artemis-odb 2.3.0 expected)", e);
        }
    }

    /**
     * Encodes property {@code p} of the first {@code count} entities, entity {@code i} at
     * {@code first + i * stride}, reading the components straight from artemis' storage.
     *
     * @throws IllegalStateException when an entity lacks the property's component
     */
    public void encodeColumn(int p, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
        Object[] byEntity = componentStorage[componentSlot[p]].getData();
        try {
            codecs[p].writeColumn(byEntity, entities, count, out, first, stride);
        } catch (NullPointerException | ArrayIndexOutOfBoundsException lacking) {
            for (int i = 0; i < count; i++) {
                if (entities[i] >= byEntity.length || byEntity[entities[i]] == null) {
                    throw missing(entities[i], componentSlot[p]);
                }
            }
            throw lacking;
        }
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

    /** The component property {@code p} reads on {@code entity}, or null when the entity has none. */
    public Component component(int p, int entity) {
        return mappers[p].get(entity);
    }

    /** The component property {@code p} writes on {@code entity}, created when missing. */
    public Component target(int p, int entity) {
        return mappers[p].create(entity);
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

package dev.entitynet.replication.config;

import com.artemis.Component;
import dev.entitynet.replication.codec.PropertyCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a synchronizer replicates (Godot's {@code SceneReplicationConfig}): an ordered list of
 * properties, each with a spawn flag and a {@link ReplicationMode}. Both sides must build the same
 * config (same properties, same order, same codecs): the wire format has no per-value tags.
 * There is no cap on the number of ON_CHANGE properties.
 *
 * <p>A config is frozen once a synchronizer uses it; build a new one to change it.
 */
public final class ReplicationConfig {
    private final String name;
    private final List<ReplicatedProperty<?>> properties = new ArrayList<>();
    private boolean frozen;
    private int[] spawnProperties;
    private int[] alwaysProperties;
    private int[] onChangeProperties;
    private int[] onChangeNotSpawnProperties;

    /** An empty config; {@code name} appears in error messages. */
    public ReplicationConfig(String name) {
        this.name = name;
    }

    /** The config's name. */
    public String name() {
        return name;
    }

    /**
     * Adds a property (spawn true, mode ALWAYS, as in Godot).
     *
     * @throws IllegalArgumentException when the name is taken
     */
    public <C extends Component> ReplicatedProperty<C> add(String propertyName, Class<C> componentType, PropertyCodec<C> codec) {
        checkMutable();
        if (propertyName == null || propertyName.isEmpty() || componentType == null || codec == null) {
            throw new IllegalArgumentException("a property needs a name, a component type and a codec");
        }
        if (indexOf(propertyName) >= 0) {
            throw new IllegalArgumentException("config " + name + " already has a property " + propertyName);
        }
        ReplicatedProperty<C> p = new ReplicatedProperty<>(this, propertyName, componentType, codec);
        properties.add(p);
        return p;
    }

    /** Removes a property by name; false when there is none. */
    public boolean remove(String propertyName) {
        checkMutable();
        int i = indexOf(propertyName);
        if (i < 0) {
            return false;
        }
        properties.remove(i);
        return true;
    }

    /** The index of a property, or -1. */
    public int indexOf(String propertyName) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(propertyName)) {
                return i;
            }
        }
        return -1;
    }

    /** Number of properties. */
    public int size() {
        return properties.size();
    }

    /** The property at {@code index}. */
    public ReplicatedProperty<?> property(int index) {
        return properties.get(index);
    }

    /** Freezes the config and derives the per-mode index lists; idempotent. */
    public void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        spawnProperties = select(true, null, false);
        alwaysProperties = select(false, ReplicationMode.ALWAYS, false);
        onChangeProperties = select(false, ReplicationMode.ON_CHANGE, false);
        onChangeNotSpawnProperties = select(false, ReplicationMode.ON_CHANGE, true);
    }

    /** Indices of the spawn-flagged properties, in config order (frozen configs only). */
    public int[] spawnProperties() {
        requireFrozen();
        return spawnProperties;
    }

    /** Indices of the ALWAYS properties, in config order. */
    public int[] alwaysProperties() {
        requireFrozen();
        return alwaysProperties;
    }

    /** Indices of the ON_CHANGE properties, in config order. */
    public int[] onChangeProperties() {
        requireFrozen();
        return onChangeProperties;
    }

    /** Indices of ON_CHANGE properties without the spawn flag: spawn packets carry them too. */
    public int[] onChangeNotSpawnProperties() {
        requireFrozen();
        return onChangeNotSpawnProperties;
    }

    void checkMutable() {
        if (frozen) {
            throw new IllegalStateException("replication config " + name + " is in use and frozen; build a new config to change it");
        }
    }

    private void requireFrozen() {
        if (!frozen) {
            throw new IllegalStateException("replication config " + name + " is not frozen yet; call freeze()");
        }
    }

    private int[] select(boolean spawnOnly, ReplicationMode mode, boolean notSpawn) {
        int[] out = new int[properties.size()];
        int n = 0;
        for (int i = 0; i < properties.size(); i++) {
            ReplicatedProperty<?> p = properties.get(i);
            boolean keep = spawnOnly ? p.spawn() : p.mode() == mode && (!notSpawn || !p.spawn());
            if (keep) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}

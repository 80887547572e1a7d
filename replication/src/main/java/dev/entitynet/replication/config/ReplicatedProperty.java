package dev.entitynet.replication.config;

import com.artemis.Component;
import dev.entitynet.replication.codec.PropertyCodec;

/**
 * One replicated property of a {@link ReplicationConfig}: a whole component or one of its fields,
 * named like Godot's property paths ({@code "Position"}, {@code "Health:value"}), with its codec,
 * spawn flag and replication mode.
 *
 * @param <C> the artemis component type the codec reads and writes
 */
public final class ReplicatedProperty<C extends Component> {
    private final String name;
    private final Class<C> componentType;
    private final PropertyCodec<C> codec;
    private final ReplicationConfig owner;
    private boolean spawn = true;
    private ReplicationMode mode = ReplicationMode.ALWAYS;

    ReplicatedProperty(ReplicationConfig owner, String name, Class<C> componentType, PropertyCodec<C> codec) {
        this.owner = owner;
        this.name = name;
        this.componentType = componentType;
        this.codec = codec;
    }

    /** The property's name, unique in its config. */
    public String name() {
        return name;
    }

    /** The component that holds the value. */
    public Class<C> componentType() {
        return componentType;
    }

    /** The value's codec. */
    public PropertyCodec<C> codec() {
        return codec;
    }

    /** Whether the value is part of the spawn state (default true). */
    public boolean spawn() {
        return spawn;
    }

    /** How the value is kept in sync after spawn (default ALWAYS). */
    public ReplicationMode mode() {
        return mode;
    }

    /** Sets the spawn flag. */
    public ReplicatedProperty<C> spawn(boolean spawn) {
        owner.checkMutable();
        this.spawn = spawn;
        return this;
    }

    /** Sets the replication mode. */
    public ReplicatedProperty<C> mode(ReplicationMode mode) {
        owner.checkMutable();
        if (mode == null) {
            throw new IllegalArgumentException("replication mode of " + name + " must not be null");
        }
        this.mode = mode;
        return this;
    }
}

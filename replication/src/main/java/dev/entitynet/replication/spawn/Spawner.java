package dev.entitynet.replication.spawn;

import com.artemis.Component;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * Godot's MultiplayerSpawner as a component: which prefabs it replicates (by registered name, the
 * list index goes on the wire), under which parent entity, how many at most, and an optional typed
 * custom spawn function. Configure it identically on every peer. Its authority (see
 * {@code Authorities}) is the only peer whose spawns are replicated and accepted.
 */
public final class Spawner extends Component {
    /** Names of the prefabs this spawner replicates, in a fixed order shared by all peers. */
    public final ObjectArrayList<String> spawnable = new ObjectArrayList<>();
    /** The entity spawned entities are children of; -1 = the spawner entity itself. */
    public int spawnParent = -1;
    /** Most live spawns at once, 0 = unlimited; enforced on the authority and on receivers. */
    public int spawnLimit;
    /** Custom spawn function, or null. */
    public SpawnFunction<?> spawnFunction;
    /** Codec of the custom spawn data; required with {@link #spawnFunction}. */
    public SpawnDataCodec<?> spawnDataCodec;
    /** Receives {@code spawned}/{@code despawned} on receivers, or null. */
    public SpawnListener listener;
    /** Live spawns of this spawner on this peer (tracked on the authority, received elsewhere). */
    int live;

    /** Artemis needs the public no-arg constructor. */
    public Spawner() {
    }

    /** Adds a spawnable prefab by its registered name; returns this. */
    public Spawner addSpawnable(String prefab) {
        spawnable.add(prefab);
        return this;
    }

    /** Sets a typed custom spawn function and its data codec; returns this. */
    public <D> Spawner customSpawn(SpawnFunction<D> function, SpawnDataCodec<D> codec) {
        this.spawnFunction = function;
        this.spawnDataCodec = codec;
        return this;
    }

    /** Live spawns of this spawner on this peer. */
    public int liveSpawns() {
        return live;
    }
}

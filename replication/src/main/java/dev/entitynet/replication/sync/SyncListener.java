package dev.entitynet.replication.sync;

/**
 * Godot's {@code synchronized} / {@code delta_synchronized} signals, with the sender's tick so
 * receivers can interpolate (Godot's signals carry nothing).
 */
public interface SyncListener {
    /** ALWAYS values of {@code entity} from sender tick {@code tick} were applied. */
    void onSynchronized(int entity, long tick);

    /** ON_CHANGE values of {@code entity} from sender tick {@code tick} were applied. */
    void onDeltaSynchronized(int entity, long tick);
}

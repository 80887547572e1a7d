package dev.entitynet.ecs.signal;

import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.Objects;

/**
 * The listeners of one signal, called in the order they were connected. Emitting iterates by index,
 * so it allocates nothing. Listeners are called on the world's thread during the tick.
 *
 * @param <L> the listener interface
 */
public final class Signal<L> {
    private final ObjectArrayList<L> listeners = new ObjectArrayList<>();

    /** Adds {@code listener}; the same listener twice is called twice. */
    public void connect(L listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes one registration of {@code listener}; returns whether it was connected. */
    public boolean disconnect(L listener) {
        return listeners.remove(listener);
    }

    /** How many listeners are connected. */
    public int size() {
        return listeners.size();
    }

    /** The {@code index}-th listener, for emitting. */
    public L get(int index) {
        return listeners.get(index);
    }
}

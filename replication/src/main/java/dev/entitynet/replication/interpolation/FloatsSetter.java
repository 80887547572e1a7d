package dev.entitynet.replication.interpolation;

/**
 * Writes an interpolated value into a render component: the game's bridge from
 * {@link Interpolation}'s floats to its own fields, called once per entity and frame.
 *
 * @param <R> the render component type
 */
@FunctionalInterface
public interface FloatsSetter<R> {
    /**
     * Copies the target's {@code dimensions} floats of {@code values}, starting at {@code offset},
     * into {@code component}. {@code values} is reused: do not keep it.
     */
    void set(R component, float[] values, int offset);
}

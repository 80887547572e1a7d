package dev.entitynet.replication.quantize;

/**
 * Writes a received rotation, a unit quaternion, into a component. Lives beside the rotation codec
 * rather than in {@link dev.entitynet.replication.codec.Accessors}, which has no quaternion codec.
 */
@FunctionalInterface
public interface QuaternionSetter<C> {
    /** Sets the rotation of {@code component} to the quaternion {@code (x, y, z, w)}. */
    void set(C component, float x, float y, float z, float w);
}

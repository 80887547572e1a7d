package dev.entitynet.replication.quantize;

/** How a receiver blends two received values of a property to show one between them. */
public enum Blend {
    /** Each float is interpolated linearly (positions, scales, colors). */
    LINEAR,
    /** The floats are a unit quaternion (x, y, z, w), spherically interpolated along the shorter arc. */
    ROTATION,
    /** No blending: the older value holds until the newer one's time (counts, states, flags). */
    STEP
}

package dev.entitynet.replication.quantize;

/** How a client blends two received values of a property when it interpolates between snapshots. */
public enum Blend {
    /** Component-wise linear interpolation: positions, vectors, floats. */
    LINEAR,
    /** Spherical interpolation of unit quaternions given as x, y, z, w. */
    ROTATION,
    /** No blending: the older value holds until the newer one's time (booleans, integers). */
    STEP
}

/**
 * Client side of snapshots: an estimate of the server's tick and, per entity and property, a buffer
 * of received values shown at a render tick a little behind it. The API is
 * {@link dev.entitynet.replication.interpolation.Interpolation} (the artemis system the snapshot
 * decoder feeds and the game registers its render components with),
 * {@link dev.entitynet.replication.interpolation.FloatsSetter},
 * {@link dev.entitynet.replication.interpolation.ServerClock} and
 * {@link dev.entitynet.replication.interpolation.InterpolationBuffer}; {@code TargetBuffers} is
 * internal.
 */
package dev.entitynet.replication.interpolation;

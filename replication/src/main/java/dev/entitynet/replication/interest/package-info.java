/**
 * Spatial interest management: a grid of cells ({@link dev.entitynet.replication.interest.CellGrid})
 * knows the cell of every placed spawn, each peer sees the cells of its
 * {@link dev.entitynet.replication.interest.Viewpoint}s, and entering or leaving that view spawns or
 * despawns. The API is {@link dev.entitynet.replication.interest.InterestManagement},
 * {@link dev.entitynet.replication.interest.CellGrid}, {@link dev.entitynet.replication.interest.Locator},
 * {@link dev.entitynet.replication.interest.Position}, {@link dev.entitynet.replication.interest.InterestPolicy}
 * and {@link dev.entitynet.replication.interest.Viewpoint}; {@code InterestEngine} is the engine's
 * entry, internal.
 */
package dev.entitynet.replication.interest;

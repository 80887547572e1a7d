/**
 * Spawning (Godot's MultiplayerSpawner). The API: the {@link dev.entitynet.replication.spawn.Spawner}
 * component, {@link dev.entitynet.replication.spawn.SpawnerSystem} (instantiate, custom spawn,
 * visibility updates), prefabs, spawn functions and listeners, {@link
 * dev.entitynet.replication.spawn.NetIdentity} and the {@link
 * dev.entitynet.replication.spawn.NetIdDirectory}. Internal, though public for
 * {@code SceneReplication}: {@link dev.entitynet.replication.spawn.SpawnEngine}, the engine's entry,
 * and {@link dev.entitynet.replication.spawn.SpawnState}; the rest is package-private, one job a class
 * (tracking the authority's spawns, who has which, sending them, receiving them).
 */
package dev.entitynet.replication.spawn;

/**
 * Who may see what. The API is Godot's: {@link dev.entitynet.replication.visibility.VisibilityFilter}
 * and {@link dev.entitynet.replication.visibility.VisibilityListener}. Internal, shared by the
 * engine's parts: {@link dev.entitynet.replication.visibility.Audience} (what the packet fan-out asks),
 * {@link dev.entitynet.replication.visibility.InterestScope} and {@link
 * dev.entitynet.replication.visibility.Reconsider} (between interest management and spawn
 * visibility) and {@link dev.entitynet.replication.visibility.VisibilityRules}.
 */
package dev.entitynet.replication.visibility;

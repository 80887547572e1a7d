/**
 * Internal to the replication engine, not API: a tick's records ({@link
 * dev.entitynet.replication.packet.RecordStream}), their regrouping by interest cell and the
 * fan-out into per-peer packets ({@link dev.entitynet.replication.packet.PacketFanout}), varints and
 * small native copies.
 */
package dev.entitynet.replication.packet;

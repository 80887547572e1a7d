/**
 * Snapshots delta-coded against acknowledged baselines (internal). A config whose ALWAYS
 * properties all have {@link dev.entitynet.replication.quantize.QuantizedCodec}s is
 * snapshot-coded: each tick, every peer gets one unreliable packet holding the entities it sees
 * whose quantized state differs from the newest snapshot it acknowledged, bit-packed and
 * predicted from its two newest acknowledged snapshots, within a byte budget and in order of
 * accumulated priority. Users reach it through {@link dev.entitynet.replication.baseline.Snapshots};
 * every other class here is internal to the replication module. Wire layout: {@code SnapshotWire}.
 */
package dev.entitynet.replication.baseline;

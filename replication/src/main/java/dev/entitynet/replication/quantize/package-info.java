/**
 * Quantized property codecs: values mapped onto small unsigned integer codes ("lanes") that the
 * server and every client compute bit for bit alike, so snapshots can be delta-coded lane by lane
 * (see {@link dev.entitynet.replication.bits}). {@link dev.entitynet.replication.quantize.QuantizedCodec}
 * is the contract, {@link dev.entitynet.replication.quantize.Quantized} builds the built-in ones
 * (positions, smallest-three rotations, float ranges, integers, booleans) and
 * {@link dev.entitynet.replication.quantize.Blend} says how a client interpolates them.
 */
package dev.entitynet.replication.quantize;

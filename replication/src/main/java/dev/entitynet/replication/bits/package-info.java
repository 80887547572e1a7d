/**
 * Bit-level building blocks for delta-coded snapshots: {@link dev.entitynet.replication.bits.BitWriter}
 * and {@link dev.entitynet.replication.bits.BitReader} move bits LSB-first over off-heap stores,
 * {@link dev.entitynet.replication.bits.ExpGolomb} and {@link dev.entitynet.replication.bits.OrderChooser}
 * size and pick order-k exp-Golomb codes, {@link dev.entitynet.replication.bits.ZigZag} maps signed
 * values onto unsigned ones, and {@link dev.entitynet.replication.bits.LaneMath} computes the modular
 * residuals of b-bit quantized lanes. Nothing here allocates after construction.
 */
package dev.entitynet.replication.bits;

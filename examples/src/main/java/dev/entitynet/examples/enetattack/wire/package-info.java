/**
 * Builders and parsers for the ENet 1.3 datagrams the attack tool sends and reads, one class per
 * message, written from the protocol description (all fields big-endian; the connect id is opaque).
 * They put commands into a {@link java.nio.ByteBuffer} at its position; a datagram is a
 * {@link dev.entitynet.examples.enetattack.wire.Header} followed by commands.
 */
package dev.entitynet.examples.enetattack.wire;

/**
 * The replication messages on the wire, one codec per message: its layout, encoder and validating
 * decoder in one class that the sending and the receiving side both use (flyweight style, no
 * allocation). Layouts in docs/replication-protocol.md.
 */
package dev.entitynet.replication.wire;

package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Wire;

import java.util.zip.CRC32;

/** libenet's optional datagram checksum: CRC-32 over the datagram with its 4-byte slot holding the connect id. */
final class Checksum {
    private final CRC32 crc = new CRC32();

    /** Fills the slot at {@code slot} of the datagram {@code b[start, start+length)}. */
    void seal(byte[] b, int start, int length, int slot, int connectId) {
        Wire.put32(b, slot, connectId);
        crc.reset();
        crc.update(b, start, length);
        Wire.put32(b, slot, crc.getValue());
    }

    /** Whether the received datagram {@code b[0, length)} carries the right checksum at {@code slot} (the slot is overwritten). */
    boolean matches(byte[] b, int length, int slot, int connectId) {
        long desired = Wire.u32(b, slot);
        Wire.put32(b, slot, connectId);
        crc.reset();
        crc.update(b, 0, length);
        return crc.getValue() == desired;
    }
}

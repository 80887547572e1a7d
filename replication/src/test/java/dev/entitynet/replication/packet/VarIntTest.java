package dev.entitynet.replication.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class VarIntTest {

    @Test
    void roundTripsAndRejectsTruncatedOrOverlongInput() {
        Bytes<Void> b = Bytes.allocateElasticDirect(32);
        try {
            int[] values = {0, 1, 127, 128, 16383, 16384, 1 << 28, Integer.MAX_VALUE};
            for (int v : values) {
                b.clear();
                VarInt.write(b, v);
                assertEquals(VarInt.size(v), b.writePosition());
                long r = VarInt.read(b, 0, b.writePosition());
                assertEquals(v, VarInt.value(r));
                assertEquals(VarInt.size(v), VarInt.length(r));
                assertEquals(VarInt.MALFORMED, VarInt.read(b, 0, b.writePosition() - 1));
            }
            b.clear();
            for (int i = 0; i < 5; i++) {
                b.writeByte((byte) 0xFF);
            }
            b.writeByte((byte) 0x01);
            assertEquals(VarInt.MALFORMED, VarInt.read(b, 0, b.writePosition()), "longer than 5 bytes");
            b.clear();
            b.writeByte((byte) 0xFF).writeByte((byte) 0xFF).writeByte((byte) 0xFF).writeByte((byte) 0xFF).writeByte((byte) 0x0F);
            assertEquals(VarInt.MALFORMED, VarInt.read(b, 0, b.writePosition()), "above Integer.MAX_VALUE");
        } finally {
            b.releaseLast();
        }
    }
}

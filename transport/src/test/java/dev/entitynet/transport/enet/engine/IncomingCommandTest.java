package dev.entitynet.transport.enet.engine;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncomingCommandTest {
    @Test
    void aReusedBufferStartsAReassemblyWithNoByteOfThePreviousPacket() {
        IncomingCommand c = new IncomingCommand();
        try {
            byte[] secret = new byte[3000];
            java.util.Arrays.fill(secret, (byte) 0x5A);
            c.prepare(6, 0, 1, 1, 0, secret.length);
            c.data.write(0, secret, 0, secret.length);
            // the same pooled buffer, now for a fragment group of which nothing has arrived yet
            c.prepare(8, 0, 1, 2, 0, 2000);
            c.expectFragments(2, 1000);
            Bytes<?> payload = c.payload();
            assertEquals(2000, payload.readRemaining());
            for (int i = 0; i < 2000; i++) {
                assertEquals(0, payload.readByte(i), "byte " + i);
            }
        } finally {
            c.data.releaseLast();
        }
    }
}

package dev.entitynet.replication.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class SyncMessageTest {

    /** Appends a record header and {@code size} value bytes to a packet started with {@link SyncMessage#startPacket}. */
    private static void record(Bytes<Void> out, boolean delta, int netId, int namespace, int size, boolean partial, int first) {
        out.ensureCapacity(out.writePosition() + SyncMessage.MAX_RECORD_HEADER + size);
        long at = out.writePosition();
        int n = SyncMessage.putRecordHeader(out.addressForWrite(at), delta, netId, namespace, 1, size, partial, first);
        out.writeSkip(n);
        for (int i = 0; i < size; i++) {
            out.writeByte((byte) i);
        }
    }

    @Test
    void whatTheSenderWritesTheReceiverReadsBackRecordByRecord() {
        Bytes<Void> out = Bytes.allocateElasticDirect(256);
        try {
            SyncMessage.startPacket(out, false, 0x1_0000_0007L, 41);
            SyncMessage.patchSequence(out, 42);
            record(out, false, 300, 1, 12, false, 0);
            record(out, false, 5, 777, 4, true, 3);
            out.readSkip(1); // the receiver gets it after the command byte
            SyncMessage in = new SyncMessage();
            assertTrue(in.wrap(out, false));
            assertEquals(7, in.tick(), "low 32 bits of the tick");
            assertEquals(42, in.sequence());
            assertEquals(SyncMessage.RECORD, in.nextRecord());
            assertEquals(300, in.netId());
            assertEquals(-1, in.namespace(), "the sender's own namespace is implied");
            assertEquals(12, in.size());
            assertEquals(SyncMessage.RECORD, in.nextRecord());
            assertEquals(777, in.namespace());
            assertTrue(in.partial());
            assertEquals(3, in.first());
            assertEquals(SyncMessage.END, in.nextRecord());
        } finally {
            out.releaseLast();
        }
    }

    @Test
    void aRecordLongerThanThePacketIsMalformedAndATruncatedHeaderIsRefused() {
        Bytes<Void> out = Bytes.allocateElasticDirect(64);
        try {
            SyncMessage.startPacket(out, true, 9, 0);
            record(out, true, 8, 1, 6, false, 0);
            out.writePosition(out.writePosition() - 1); // one value byte missing
            out.readSkip(1);
            SyncMessage in = new SyncMessage();
            assertTrue(in.wrap(out, true));
            assertEquals(SyncMessage.MALFORMED, in.nextRecord());
            out.readLimit(out.readPosition() + 3);
            assertTrue(!in.wrap(out, true), "4 header bytes needed after the command");
        } finally {
            out.releaseLast();
        }
    }
}

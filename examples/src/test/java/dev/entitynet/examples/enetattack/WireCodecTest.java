package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.enetattack.wire.AcknowledgeCommand;
import dev.entitynet.examples.enetattack.wire.CommandCursor;
import dev.entitynet.examples.enetattack.wire.ConnectCommand;
import dev.entitynet.examples.enetattack.wire.Header;
import dev.entitynet.examples.enetattack.wire.SendFragmentCommand;
import dev.entitynet.examples.enetattack.wire.SendReliableCommand;
import dev.entitynet.examples.enetattack.wire.VerifyConnectCommand;
import dev.entitynet.transport.enet.protocol.Protocol;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attack tool's datagram builders and parser against the protocol's layouts and a libenet 1.3.17 capture. */
class WireCodecTest {
    /** libenet 1.3.17's VERIFY_CONNECT to a fresh client that asked for 2 channels with connect id 11 22 33 44. */
    private static final String LIBENET_VERIFY = "80000431" + "83ff0001" + "0000" + "0000" + "00000578" + "00010000" + "00000002"
            + "00000000" + "00000000" + "00001388" + "00000002" + "00000002" + "11223344";

    @Test
    void readsLibenetsVerifyConnectAndWritesTheSameBytes() {
        byte[] bytes = HexFormat.of().parseHex(LIBENET_VERIFY);
        ByteBuffer datagram = ByteBuffer.wrap(bytes);
        Header header = Header.read(datagram);
        assertEquals(new Header(0, 0, 0x0431), header);
        CommandCursor cursor = new CommandCursor().reset(datagram, header);
        assertTrue(cursor.next());
        assertEquals(Protocol.VERIFY_CONNECT, cursor.number());
        assertEquals(Protocol.SYSTEM_CHANNEL, cursor.channel());
        assertEquals(1, cursor.sequence());
        assertTrue(cursor.acknowledgeRequested());
        VerifyConnectCommand verify = VerifyConnectCommand.read(datagram, cursor.at());
        assertEquals(new VerifyConnectCommand(0, 0, 0, 1400, 65536, 2, 5000, 2, 2, 0x11223344), verify);
        assertFalse(cursor.next());

        ByteBuffer out = ByteBuffer.allocate(bytes.length);
        Header.write(out, 0, 0, 0x0431);
        verify.write(out, 1);
        assertArrayEquals(bytes, out.array());
    }

    @Test
    void connectDatagramIs52BytesWithLibenetsFields() {
        ByteBuffer out = ByteBuffer.allocate(64);
        Header.write(out, Protocol.MAXIMUM_PEER_ID, 0, 0x0102);
        ConnectCommand.fresh(0, 2, 0x11223344).write(out, 1);
        out.flip();
        assertEquals(ConnectCommand.DATAGRAM_SIZE, out.remaining());
        assertEquals(52, out.remaining());
        assertEquals(0x8FFF, out.getShort(0) & 0xFFFF, "SENT_TIME flag, peer id 0xFFF, session 0");
        assertEquals(0x82, out.get(4) & 0xFF, "CONNECT with the acknowledge flag");
        assertEquals(new ConnectCommand(0, 0xFF, 0xFF, 1400, 65536, 2, 0x11223344, 0), ConnectCommand.read(out, 4));
        assertEquals(5000, out.getInt(4 + 28));
    }

    @Test
    void cursorWalksSeveralCommandsAndStopsAtATruncatedPayload() {
        ByteBuffer out = ByteBuffer.allocate(256);
        Header.write(out, 3, 2, 0x0777);
        new AcknowledgeCommand(0, 9, 0x0555).write(out);
        SendReliableCommand.write(out, 1, 4, new byte[] {1, 2, 3}, 0, 3);
        new SendFragmentCommand(0, 7, 6, 2, 1, 20, 10).write(out, new byte[10], 0, 10);
        int complete = out.position();
        SendReliableCommand.write(out, 1, 5, new byte[] {9, 9, 9, 9}, 0, 4);
        out.limit(out.position() - 1).position(0); // the last command's payload is one byte short
        Header header = Header.read(out);
        assertEquals(new Header(3, 2, 0x0777), header);
        CommandCursor cursor = new CommandCursor().reset(out, header);
        assertTrue(cursor.next());
        assertEquals(new AcknowledgeCommand(0, 9, 0x0555), AcknowledgeCommand.read(out, cursor.at()));
        assertTrue(cursor.next());
        assertEquals(Protocol.SEND_RELIABLE, cursor.number());
        assertEquals(3, cursor.payloadLength());
        assertEquals(2, out.get(cursor.payloadAt() + 1));
        assertTrue(cursor.next());
        assertEquals(new SendFragmentCommand(0, 7, 6, 2, 1, 20, 10), SendFragmentCommand.read(out, cursor.at()));
        assertEquals(complete, cursor.payloadAt() + cursor.payloadLength());
        assertFalse(cursor.next(), "a payload running past the datagram ends the walk");
    }

    @Test
    void percentilesUseNearestRank() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        assertEquals(new Percentiles(100, 50, 99, 100), Percentiles.of(samples));
        assertEquals(new Percentiles(0, 0, 0, 0), Percentiles.of(new long[0]));
        assertEquals(new Percentiles(1, 7, 7, 7), Percentiles.of(new long[] {7}));
    }
}

package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import static dev.entitynet.transport.enet.Captured.feed;
import static dev.entitynet.transport.enet.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Byte-exact checks against libenet 1.3.17's handshake and the header / SENT_TIME / ack rules. */
class WireFormatTest {
    static final long SERVER = Endpoints.of(0x7F000001, 7777);
    static final long CLIENT = Endpoints.of(0x7F000001, 50000);

    /** The CONNECT a fresh libenet 1.3.17 client sends for 2 channels with connectID 11 22 33 44 and data 0. */
    static final String LIBENET_CONNECT = "8fff 0400 | 82 ff 0001 | 0000 | ff ff | 00000578 | 00010000 | 00000002 | 00000000"
            + " | 00000000 | 00001388 | 00000002 | 00000002 | 11223344 | 00000000";

    @Test
    void serverAnswersLibenetConnectWithTheReferenceVerifyConnectAndItsOwnNonce() {
        try (EnetEngine server = new EnetEngine(EnetConfig.defaults(), 1)) {
            Captured out = new Captured();
            feed(server, CLIENT, hex(LIBENET_CONNECT), 0x0431);
            server.service(0x0431, out);
            // libenet answers "80000431 83ff0001 0000 0000" + the fields below: the same 48 bytes, except
            // that header sent time, sequence number, peer id and sessions are unpredictable here
            String h = out.only().hex();
            assertEquals(48, out.only().bytes().length);
            assertEquals(0x8000, Integer.parseInt(h.substring(0, 4), 16) & 0xCFFF, "addressed to the client's peer 0 with SENT_TIME");
            assertEquals("83ff", h.substring(8, 12));
            assertEquals("00000578" + "00010000" + "00000002" + "00000000" + "00000000" + "00001388" + "00000002" + "00000002"
                    + "11223344", h.substring(24));
            assertEquals(CLIENT, out.only().endpoint());
            assertEquals(1, server.halfOpenConnections());
            assertTrue(!server.isActive(0), "no slot before the client proves its address");
            assertEquals(0, server.stats().droppedTotal());
        }
    }

    @Test
    void nonceWireIdAndSessionsDifferBetweenHandshakesAndSeeds() {
        java.util.Set<VerifyConnect> seen = new java.util.HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            try (EnetEngine server = new EnetEngine(EnetConfig.defaults(), seed)) {
                for (int port = 1; port <= 5; port++) {
                    Captured out = new Captured();
                    feed(server, Endpoints.of(0x7F000001, port), hex(LIBENET_CONNECT), 100);
                    server.service(100, out);
                    seen.add(VerifyConnect.of(out.only().bytes()));
                }
            }
        }
        assertEquals(100, seen.size());
        assertTrue(seen.stream().map(VerifyConnect::sessionFromClient).distinct().count() == 4, "all four sessions occur");
    }

    @Test
    void clientConnectIs52BytesAndFirstAnswerIsAckPlusPing() {
        try (EnetEngine client = new EnetEngine(EnetConfig.defaults(), 1)) {
            Captured out = new Captured();
            assertEquals(0, client.connect(SERVER, 2, 0x01020304, 1000));
            client.service(1000, out);
            byte[] connect = out.only().bytes();
            assertEquals(52, connect.length);
            String h = out.only().hex();
            assertEquals("8fff03e8" + "82ff0001", h.substring(0, 16));
            String clientWireId = h.substring(16, 20);
            assertEquals("ffff" + "00000578" + "00010000" + "00000002" + "00000000"
                    + "00000000" + "00001388" + "00000002" + "00000002", h.substring(20, 88));
            assertEquals("01020304", h.substring(96));
            String connectId = h.substring(88, 96);

            // the server's VERIFY_CONNECT (as libenet would send it), with our connectID echoed
            out.clear();
            feed(client, SERVER, hex("8" + clientWireId.substring(1) + "0431 83ff0001 0005 0000 00000578 00010000 00000002 00000000 00000000"
                    + " 00001388 00000002 00000002" + connectId), 1100);
            assertTrue(client.isConnected(0));
            client.service(1100, out);
            // ACK(VERIFY) echoing sentTime 0x0431 first, then a PING (system seq 2), addressed to server peer 5, session 0
            assertEquals("8005044c" + "01ff00010001" + "0431" + "85ff0002", out.only().hex());
            Recorder events = new Recorder();
            client.pollEvents(events);
            assertEquals("connected", events.events.get(0).kind());
        }
    }

    @Test
    void verifyWithWrongConnectIdFailsTheAttempt() {
        try (EnetEngine client = new EnetEngine(EnetConfig.defaults(), 1)) {
            client.connect(SERVER, 2, 0, 0);
            Captured connect = new Captured();
            client.service(0, connect);
            String clientWireId = connect.only().hex().substring(16, 20);
            feed(client, SERVER, hex("8" + clientWireId.substring(1) + "0010 83ff0001 0000 0000 00000578 00010000 00000002 00000000 00000000"
                    + " 00001388 00000002 00000002 deadbeef"), 10);
            Recorder events = new Recorder();
            client.pollEvents(events);
            assertEquals("disconnected", events.events.get(0).kind());
            assertEquals(1, client.stats().dropped(DropReason.BAD_VERIFY_CONNECT));
            assertTrue(!client.isActive(0));
        }
    }

    @Test
    void headerCarriesSentTimeOnlyWithAckFlaggedCommands() {
        EnginePair p = EnginePair.connected();
        // unreliable only: 2-byte header, no SENT_TIME
        byte[] payload = {9, 8, 7};
        p.client.send(0, 0, 0, BytesStore.wrap(payload), 0, 3);
        p.client.service(p.now, p.clientOut);
        String unreliable = p.clientOut.only().hex();
        String toServer = String.format("%04x", p.toServerWord());
        assertEquals(toServer + "07000000" + "0001" + "0003" + "090807", unreliable);
        p.clientOut.clear();

        // reliable: SENT_TIME set, and the receiver's ACK (alone: 2-byte header) echoes it, same channel, seq twice
        String sentTime = String.format("%04x", p.now & 0xFFFF);
        p.client.send(0, 1, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, 3);
        p.client.service(p.now, p.clientOut);
        String reliable = p.clientOut.only().hex();
        assertEquals(String.format("%04x", p.toServerWord() | 0x8000) + sentTime + "86010001" + "0003" + "090807", reliable);
        feed(p.server, EnginePair.CLIENT, p.clientOut.only().bytes(), p.now + 3);
        p.server.service(p.now + 3, p.serverOut);
        assertEquals(String.format("%04x", p.toClientWord()) + "01010001" + "0001" + sentTime, p.serverOut.only().hex());
    }

    @Test
    void ackFlaggedCommandWithoutSentTimeIsHandledButNotAckedAndEndsTheDatagram() {
        EnginePair p = EnginePair.connected();
        // SEND_RELIABLE ch0 seq1 "A", then SEND_RELIABLE ch0 seq2 "B", in a 2-byte-header datagram
        feed(p.server, EnginePair.CLIENT, hex(String.format("%04x", p.toServerWord()) + "86000001 0001 41 86000002 0001 42"), p.now);
        p.server.service(p.now, p.serverOut);
        Recorder events = new Recorder();
        p.server.pollEvents(events);
        assertEquals(1, events.received().size());
        assertEquals("A", new String(events.received().get(0).payload()));
        assertEquals(0, p.serverOut.sent.size(), "nothing to acknowledge");
    }

    @Test
    void ackFromTheFutureIsIgnored() {
        EnginePair p = EnginePair.connected();
        byte[] payload = {1};
        p.client.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, 1);
        p.client.service(p.now, p.clientOut);
        int before = p.client.outgoingCommandsInUse();
        // echo a sent time 100 ms after now
        int future = (int) (p.now + 100) & 0xFFFF;
        feed(p.client, EnginePair.SERVER, hex(String.format("%04x 01000001 0001 %04x", p.toClientWord(), future)), p.now);
        assertEquals(before, p.client.outgoingCommandsInUse());
        assertEquals(1, p.client.stats().dropped(DropReason.BAD_ACKNOWLEDGEMENT));
    }
}

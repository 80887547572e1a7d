package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;

import static dev.entitynet.transport.enet.Captured.feed;

/** A client and a server engine connected by hand, without a network: for byte-level tests. */
final class EnginePair implements AutoCloseable {
    static final long SERVER = Endpoints.of(0x7F000001, 7777);
    static final long CLIENT = Endpoints.of(0x7F000001, 50000);
    final EnetEngine server;
    final EnetEngine client;
    final Captured serverOut = new Captured();
    final Captured clientOut = new Captured();
    long now = 5000;

    EnginePair(EnetConfig config) {
        server = new EnetEngine(config, 1);
        client = new EnetEngine(config, 2);
    }

    static EnginePair connected() {
        return connected(EnetConfig.defaults());
    }

    static EnginePair connected(EnetConfig config) {
        EnginePair p = new EnginePair(config);
        p.client.connect(SERVER, 2, 0, p.now);
        for (int i = 0; i < 4; i++) {
            p.exchange();
        }
        p.now += 5;
        if (!p.client.isConnected(0) || !p.server.isConnected(0)) {
            throw new AssertionError("handshake did not complete");
        }
        // past the BANDWIDTH_LIMIT exchange ~1 s after connecting; then both outputs are empty
        for (int i = 0; i < 1200; i++) {
            p.exchange();
        }
        p.serverOut.clear();
        p.clientOut.clear();
        p.server.pollEvents(new Recorder());
        p.client.pollEvents(new Recorder());
        return p;
    }

    void exchange() {
        client.service(now, clientOut);
        for (Captured.Sent s : clientOut.sent) {
            feed(server, CLIENT, s.bytes(), now);
        }
        clientOut.clear();
        server.service(now, serverOut);
        for (Captured.Sent s : serverOut.sent) {
            feed(client, SERVER, s.bytes(), now);
        }
        serverOut.clear();
        now++;
    }

    /** Advances {@code millis}, exchanging every {@code step} ms so the session stays alive. */
    void runFor(long millis, int step) {
        long end = now + millis;
        while (now < end) {
            exchange();
            now += step - 1;
        }
    }

    /** The peer-id word (wire peer id and session bits) of the client's headers to the server. */
    int toServerWord() {
        return client.outgoingPeerId(0) | client.outgoingSessionId(0) << 12;
    }

    /** The peer-id word of the server's headers to the client. */
    int toClientWord() {
        return server.outgoingPeerId(0) | server.outgoingSessionId(0) << 12;
    }

    /** Feeds a hand-made datagram to the server as if the client had sent it. */
    void toServer(byte[] datagram) {
        feed(server, CLIENT, datagram, now);
    }

    /** Both directions still work: a reliable packet each way arrives (on channel 1, which hand-made datagrams leave alone). */
    void assertStillWorks() {
        Recorder s = new Recorder();
        Recorder c = new Recorder();
        byte[] b = {1, 2, 3};
        client.send(0, 1, EnetPacketFlags.RELIABLE, BytesStore.wrap(b), 0, 3);
        server.send(0, 1, EnetPacketFlags.RELIABLE, BytesStore.wrap(b), 0, 3);
        for (int i = 0; i < 5; i++) {
            exchange();
        }
        server.pollEvents(s);
        client.pollEvents(c);
        if (s.received().size() != 1 || c.received().size() != 1) {
            throw new AssertionError("session broken: server " + s.events + " client " + c.events);
        }
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}

package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;

import java.util.ArrayList;
import java.util.List;

import static dev.entitynet.transport.enet.Captured.feed;

/**
 * One server engine and several client engines connected by hand, without a network, for
 * byte-level tests with more than one peer: any client's name can be used to send the server a
 * hand-made datagram (its peer id and session bits are learnt from its real traffic).
 */
final class ServerAndClients implements AutoCloseable {
    final EnetEngine server;
    final EnetEngine[] clients;
    final long[] endpoints;
    /** The server's peer id of each client. */
    final int[] serverPeer;
    /** Everything the server delivered, in order. */
    final Recorder serverEvents = new Recorder();
    private final int[] headerWord;
    private final Captured out = new Captured();
    long now = 5000;

    ServerAndClients(EnetConfig serverConfig, EnetConfig clientConfig, int clientCount) {
        server = new EnetEngine(serverConfig, 1);
        clients = new EnetEngine[clientCount];
        endpoints = new long[clientCount];
        serverPeer = new int[clientCount];
        headerWord = new int[clientCount];
        for (int i = 0; i < clientCount; i++) {
            clients[i] = new EnetEngine(clientConfig, 100 + i);
            endpoints[i] = Endpoints.of(0x7F000002 + i, 40000 + i);
        }
        for (int i = 0; i < clientCount; i++) {
            clients[i].connect(EnginePair.SERVER, 2, i, now);
            for (int step = 0; step < 4; step++) {
                exchange();
            }
        }
        // past the BANDWIDTH_LIMIT exchange ~1 s after connecting
        for (int step = 0; step < 1200; step++) {
            exchange();
        }
        for (int i = 0; i < clientCount; i++) {
            if (!clients[i].isConnected(0)) {
                throw new AssertionError("client " + i + " did not connect");
            }
            serverPeer[i] = -1;
        }
        for (Recorder.Event e : serverEvents.of("connected")) {
            serverPeer[e.data()] = e.peerId();
        }
        serverEvents.events.clear();
    }

    /** One millisecond: every client's datagrams to the server, the server's back, events polled. */
    void exchange() {
        for (int i = 0; i < clients.length; i++) {
            clients[i].service(now, out);
            for (Captured.Sent s : out.sent) {
                int word = (s.bytes()[0] & 0xFF) << 8 | (s.bytes()[1] & 0xFF);
                if ((word & 0xFFF) != 0xFFF) {
                    headerWord[i] = word & 0x3FFF;
                }
                feed(server, endpoints[i], s.bytes(), now);
            }
            out.clear();
        }
        server.service(now, out);
        for (Captured.Sent s : out.sent) {
            for (int i = 0; i < clients.length; i++) {
                if (endpoints[i] == s.endpoint()) {
                    feed(clients[i], EnginePair.SERVER, s.bytes(), now);
                }
            }
        }
        out.clear();
        server.pollEvents(serverEvents);
        for (EnetEngine client : clients) {
            client.pollEvents(new Recorder());
        }
        now++;
    }

    void exchange(int millis) {
        for (int i = 0; i < millis; i++) {
            exchange();
        }
    }

    /** A datagram header in client {@code i}'s name, with a sent time, as hex. */
    String header(int i) {
        return String.format("%04x%04x", headerWord[i] | 0x8000, now & 0xFFFF);
    }

    /** Feeds a hand-made datagram to the server as if client {@code i} had sent it. */
    void forge(int i, byte[] datagram) {
        feed(server, endpoints[i], datagram, now);
    }

    /** Client {@code i} sends {@code payload} through its engine. */
    void send(int i, int channel, int flags, byte[] payload) {
        if (!clients[i].send(0, channel, flags, BytesStore.wrap(payload), 0, payload.length)) {
            throw new AssertionError("client " + i + " could not send " + payload.length + " bytes");
        }
    }

    /** The payloads the server delivered from client {@code i} since the last {@link #takeReceived}. */
    List<byte[]> takeReceived(int i) {
        List<byte[]> result = new ArrayList<>();
        for (Recorder.Event e : serverEvents.received()) {
            if (e.peerId() == serverPeer[i]) {
                result.add(e.payload());
            }
        }
        serverEvents.events.removeIf(e -> e.kind().equals("received") && e.peerId() == serverPeer[i]);
        return result;
    }

    @Override
    public void close() {
        server.close();
        for (EnetEngine client : clients) {
            client.close();
        }
    }
}

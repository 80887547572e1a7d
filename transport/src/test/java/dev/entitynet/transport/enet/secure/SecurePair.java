package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.secure.TokenIssuer;
import net.openhft.chronicle.bytes.BytesStore;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A secure client and server, each an ENet engine behind a {@link SecureLink}, exchanging
 * datagrams by hand on simulated time: what the network carries is in {@link #toServer} and
 * {@link #toClient}, so tests can read, forge and replay it.
 */
final class SecurePair implements AutoCloseable {
    static final long PROTOCOL = 0x5345_4355_5245_4C4EL;
    static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("127.0.0.1", 7777);
    static final long SERVER = Endpoints.of(SERVER_ADDRESS);
    static final long CLIENT = Endpoints.of(0x7F000001, 50000);

    /** Datagrams in flight, as sent (sealed), and how many and how many bytes were ever sent. */
    static final class Wire implements DatagramOutput {
        final List<byte[]> datagrams = new ArrayList<>();
        long sentDatagrams;
        long sentBytes;

        @Override
        public void send(long endpoint, BytesStore<?, ?> data, long offset, int length) {
            byte[] copy = new byte[length];
            data.read(offset, copy, 0, length);
            datagrams.add(copy);
            sentDatagrams++;
            sentBytes += length;
        }
    }

    final byte[] privateKey = new byte[32];
    final TokenIssuer issuer;
    long epochMillis = 1_800_000_000_000L;
    long now = 1000;
    final EnetEngine server;
    final EnetEngine client;
    final Wire toServer = new Wire();
    final Wire toClient = new Wire();
    final SecureLink serverLink;
    final SecureLink clientLink;

    SecurePair(long clientId, int expireSeconds) {
        for (int i = 0; i < 32; i++) {
            privateKey[i] = (byte) (31 * i + 7);
        }
        issuer = new TokenIssuer(privateKey, PROTOCOL, () -> epochMillis / 1000);
        server = new EnetEngine(EnetConfig.defaults().withPeerLimit(8), 1);
        client = new EnetEngine(EnetConfig.defaults(), 2);
        serverLink = new SecureLink(SecureMode.server(privateKey, PROTOCOL, SERVER_ADDRESS).open(8, SERVER_ADDRESS), toClient,
                () -> epochMillis);
        byte[] token = issuer.issue(clientId, List.of(SERVER_ADDRESS), expireSeconds, 10, new byte[0]);
        clientLink = new SecureLink(SecureMode.client(token).open(1, null), toServer, () -> epochMillis);
    }

    /** A connected pair. */
    static SecurePair connected() {
        SecurePair p = new SecurePair(42, 30);
        p.client.connect(SERVER, 2, 0, p.now);
        p.run(50);
        if (!p.client.isConnected(0) || !p.server.isConnected(0)) {
            throw new AssertionError("secure handshake did not complete: " + p.serverLink.security().stats());
        }
        // what EnetHost's loop does on the engine's connected event
        p.serverLink.security().connected(CLIENT);
        return p;
    }

    /** Runs both sides for {@code millis}, delivering everything. */
    void run(int millis) {
        for (int i = 0; i < millis; i++, now++, epochMillis++) {
            client.service(now, clientLink);
            deliverToServer();
            server.service(now, serverLink);
            deliverToClient();
        }
    }

    void deliverToServer() {
        for (byte[] d : toServer.datagrams) {
            serverLink.receive(CLIENT, BytesStore.wrap(d), 0, d.length, now, server);
        }
        toServer.datagrams.clear();
    }

    void deliverToClient() {
        for (byte[] d : toClient.datagrams) {
            clientLink.receive(SERVER, BytesStore.wrap(d), 0, d.length, now, client);
        }
        toClient.datagrams.clear();
    }

    /** Feeds a datagram to the server as if it came from {@code from}. */
    void forgeToServer(long from, byte[] datagram) {
        serverLink.receive(from, BytesStore.wrap(datagram), 0, datagram.length, now, server);
    }

    SecureStats serverStats() {
        return serverLink.security().stats();
    }

    SecureStats clientStats() {
        return clientLink.security().stats();
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}

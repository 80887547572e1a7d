package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import dev.entitynet.transport.secure.TokenIssuer;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secure hosts over real UDP on loopback: a token holder connects and talks; a plain ENet client gets nowhere. */
class SecureHostOverUdpTest {
    private static final long PROTOCOL = 0x454E_5449_5459L;
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    static final class Events implements EnetEventListener {
        int peer = -1;
        final List<String> received = new ArrayList<>();

        @Override
        public void connected(int handle, long endpoint, int data) {
            peer = handle;
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            byte[] b = new byte[(int) payload.readRemaining()];
            payload.read(b);
            received.add(new String(b));
        }
    }

    @Test
    void aTokenHolderConnectsAndTalksWhileAPlainClientIsRefused() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        EnetHostOptions serverOptions = EnetHostOptions.defaults().withSecure(SecureMode.server(key, PROTOCOL, null));
        try (EnetHost server = EnetHost.create(EnetConfig.defaults(), LOOPBACK, serverOptions)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.localAddress().getPort());
            byte[] token = new TokenIssuer(key, PROTOCOL, () -> System.currentTimeMillis() / 1000)
                    .issue(777, List.of(address), 60, 10, new byte[0]);
            EnetHostOptions clientOptions = EnetHostOptions.defaults().withSecure(SecureMode.client(token));
            try (EnetHost client = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK, clientOptions);
                 EnetHost plain = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
                Events serverEvents = new Events();
                Events clientEvents = new Events();
                Events plainEvents = new Events();
                client.connect(address, 2, 0);
                plain.connect(address, 2, 0);
                long deadline = System.nanoTime() + 20_000_000_000L;
                while ((serverEvents.peer < 0 || clientEvents.peer < 0) && System.nanoTime() < deadline) {
                    server.service(serverEvents, 1);
                    client.service(clientEvents, 1);
                    plain.service(plainEvents, 1);
                }
                assertTrue(serverEvents.peer >= 0 && clientEvents.peer >= 0, "connected: " + server.secureStats());
                assertEquals(777, server.tokenClientId(serverEvents.peer));
                byte[] hello = "sealed hello".getBytes();
                client.send(clientEvents.peer, 0, EnetPacketFlags.RELIABLE, hello, 0, hello.length);
                server.send(serverEvents.peer, 1, EnetPacketFlags.RELIABLE, hello, 0, hello.length);
                while ((serverEvents.received.isEmpty() || clientEvents.received.isEmpty()) && System.nanoTime() < deadline) {
                    server.service(serverEvents, 1);
                    client.service(clientEvents, 1);
                    plain.service(plainEvents, 1);
                }
                assertEquals(List.of("sealed hello"), serverEvents.received);
                assertEquals(List.of("sealed hello"), clientEvents.received);
                assertEquals(-1, plainEvents.peer, "the plain ENet client never connected");
                assertTrue(server.secureStats().dropped(SecureDrop.NO_SESSION) > 0, server.secureStats().toString());
                assertEquals(1, server.secureStats().acceptedTokens());
            }
        }
    }
}

package dev.entitynet.transport.enet.interop;

import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.echo.EchoClient;
import dev.entitynet.transport.enet.echo.EchoReport;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof of compatibility: libenet 1.3.17 programs and the Java host talk over loopback UDP in
 * both directions, with every delivery kind, fragmented packets up to 1 MiB, up to 255 channels,
 * graceful disconnects from either side and timeouts when the other side is killed.
 */
class LibEnetInteropTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final long LONG_WAIT = 60_000;

    @Test
    void javaServerEchoesForSeveralLibenetClientsAtOnce() throws Exception {
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(8), LOOPBACK)) {
            EchoServer server = new EchoServer(host);
            echoForSeveralLibenetClients(server, () -> server.service(5));
        }
    }

    @Test
    void javaInlineServerEchoesForSeveralLibenetClientsAtOnce() throws Exception {
        EchoServer server = EchoServer.inline(EnetConfig.defaults().withPeerLimit(8), LOOPBACK, EnetHostOptions.defaults());
        try (EnetHost host = server.host()) {
            // The server answers on its event loop; this thread only watches.
            echoForSeveralLibenetClients(server, () -> LockSupport.parkNanos(5_000_000L));
            assertEquals(0, host.listenerFailures());
        }
    }

    /** Three libenet clients run the full workload (every kind, up to 1 MiB, 2-255 channels) against {@code server}. */
    private static void echoForSeveralLibenetClients(EchoServer server, Runnable serveABit) throws Exception {
        EnetHost host = server.host();
        Path client = LibEnet.program("enet_echo_client");
        String port = Integer.toString(host.localAddress().getPort());
        List<LibEnet.Program> clients = new ArrayList<>();
        try {
            clients.add(new LibEnet.Program(client, List.of("127.0.0.1", port, "4", "1200", "graceful")));
            clients.add(new LibEnet.Program(client, List.of("127.0.0.1", port, "255", "600", "graceful")));
            clients.add(new LibEnet.Program(client, List.of("127.0.0.1", port, "2", "400", "await")));
            long deadline = System.nanoTime() + LONG_WAIT * 1_000_000L;
            while (clients.stream().anyMatch(LibEnet.Program::isAlive) && System.nanoTime() < deadline) {
                serveABit.run();
            }
            for (LibEnet.Program c : clients) {
                String result = c.await("RESULT", 1000);
                assertTrue(result.startsWith("RESULT ok=1"), result + "\nJava server: " + host.engineStats() + ", read pauses " + host.readPauses() + "\n" + c.transcript());
                assertEquals(0, c.exitValue(), c.transcript());
            }
            assertTrue(clients.get(2).transcript().contains("data=77"), "the server's graceful disconnect carried its data");
        } finally {
            for (LibEnet.Program c : clients) {
                c.close();
            }
        }
        long deadline = System.nanoTime() + LONG_WAIT * 1_000_000L;
        while (server.disconnects() < 3 && System.nanoTime() < deadline) {
            serveABit.run();
        }
        assertEquals(3, server.disconnects());
        assertEquals(3, server.connects());
        assertEquals(4242, server.lastConnectData(), "CONNECT data reached the Java server");
        assertEquals(1200 + 600 + 400, server.echoed(), "Java server: " + host.engineStats());
    }

    @Test
    void javaClientRunsTheWorkloadAgainstALibenetServerAndDisconnectsGracefully() throws Exception {
        try (LibEnet.Program server = startCServer()) {
            InetSocketAddress address = cServerAddress(server);
            try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
                EchoReport report = new EchoClient(host, 6).run(address, 2000, EchoClient.Ending.GRACEFUL, LONG_WAIT);
                assertTrue(report.ok(), report.summary() + "\nJava client: " + host.engineStats() + "\n" + server.transcript());
            }
            assertTrue(server.await("CONNECT", 1000).contains("data=4242 channels=6"), server.transcript());
            assertTrue(server.await("DISCONNECT", 5000).contains("data=5 echoed=2000"), server.transcript());
        }
    }

    @Test
    void aLibenetServersGracefulDisconnectReachesTheJavaClientWithItsData() throws Exception {
        try (LibEnet.Program server = startCServer()) {
            InetSocketAddress address = cServerAddress(server);
            try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
                EchoReport report = new EchoClient(host, 255).run(address, 500, EchoClient.Ending.SERVER_DISCONNECTS, LONG_WAIT);
                assertTrue(report.ok(), report.summary());
                assertEquals(EchoServer.BYE_DATA, report.disconnectData());
            }
        }
    }

    @Test
    void javaServerDetectsAKilledLibenetClientByTimeout() throws Exception {
        Path client = LibEnet.program("enet_echo_client");
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(2), LOOPBACK)) {
            EventLog log = new EventLog();
            try (LibEnet.Program c = new LibEnet.Program(client,
                    List.of("127.0.0.1", Integer.toString(host.localAddress().getPort()), "2", "0", "hang"))) {
                while (log.connects == 0) {
                    host.service(log, 10);
                    assertTrue(c.isAlive(), c.transcript());
                }
                shortTimeouts(host, log.lastPeer);
                c.kill();
            }
            long deadline = System.nanoTime() + LONG_WAIT * 1_000_000L;
            while (log.disconnects == 0 && System.nanoTime() < deadline) {
                host.service(log, 50);
            }
            assertEquals(1, log.disconnects, "the dead client was detected by timeout");
            assertFalse(host.isConnected(log.lastPeer));
        }
    }

    @Test
    void javaClientDetectsAKilledLibenetServerByTimeout() throws Exception {
        EventLog log = new EventLog();
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
            try (LibEnet.Program server = startCServer()) {
                shortTimeouts(host, host.connect(cServerAddress(server), 2, 1));
                while (log.connects == 0) {
                    host.service(log, 10);
                }
                server.kill();
            }
            long deadline = System.nanoTime() + LONG_WAIT * 1_000_000L;
            while (log.disconnects == 0 && System.nanoTime() < deadline) {
                host.service(log, 50);
            }
            assertEquals(1, log.disconnects, "the dead server was detected by timeout");
        }
    }

    /**
     * Pings every 100 ms and gives up after 1 s without acknowledgements instead of ENet's 5-30 s,
     * so the timeout tests are quick; the dead side still sends nothing, so only the timeout can
     * notice.
     */
    private static void shortTimeouts(EnetHost host, int peer) {
        host.timeout(peer, 0, 300, 1000, 100);
    }

    private static LibEnet.Program startCServer() throws Exception {
        return new LibEnet.Program(LibEnet.program("enet_echo_server"), List.of("0", "8", "255"));
    }

    private static InetSocketAddress cServerAddress(LibEnet.Program server) throws InterruptedException {
        String line = server.await("PORT", 10_000);
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(line.substring(5).trim()));
    }

    /** Counts connection events. */
    static final class EventLog implements EnetEventListener {
        int connects;
        int disconnects;
        int lastPeer = -1;

        @Override
        public void connected(int peer, long endpoint, int data) {
            connects++;
            lastPeer = peer;
        }

        @Override
        public void disconnected(int peer, long endpoint, int data) {
            disconnects++;
        }

        @Override
        public void received(int peer, int channel, int flags, Bytes<?> payload) {
        }
    }
}

package dev.entitynet.transport.enet.interop;

import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over real UDP: the Java server under a flood of 2,000 spoofed CONNECTs per second from 5,000
 * source addresses (the whole of 127.0.0.0/8 is local on Linux, so each source is a socket bound
 * to its own 127.1.x.y address: no root needed, and whatever the server reflects is counted where
 * it lands), while libenet clients, the honest side, connect and run their workload. Nothing the
 * server sends to the flood's addresses may exceed what they sent, and no slot goes to them.
 */
class SpoofedFloodOverUdpTest {
    private static final int SOURCES = 5000;
    private static final int CONNECTS_PER_SECOND = 2000;

    @Test
    void libenetClientsConnectWithinTwoSecondsAndTheFloodIsNotAmplified() throws Exception {
        Path clientProgram = LibEnet.program("enet_echo_client");
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(8), new InetSocketAddress("127.0.0.1", 0));
             Flood flood = new Flood(host.localAddress().getPort())) {
            EchoServer server = new EchoServer(host);
            Thread flooder = new Thread(flood, "spoofed-flood");
            flooder.start();
            List<LibEnet.Program> clients = new ArrayList<>();
            List<Long> started = new ArrayList<>();
            List<Long> connectedAfter = new ArrayList<>();
            try {
                String port = Integer.toString(host.localAddress().getPort());
                long end = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < end) {
                    server.service(5);
                    for (int i = 0; i < clients.size(); i++) {
                        if (connectedAfter.get(i) < 0 && clients.get(i).poll("CONNECTED") != null) {
                            connectedAfter.set(i, (System.nanoTime() - started.get(i)) / 1_000_000L);
                        }
                    }
                    if (clients.size() < 3 && flood.sent.get() > (clients.size() + 1) * 1000L) {
                        started.add(System.nanoTime());
                        connectedAfter.add(-1L);
                        clients.add(new LibEnet.Program(clientProgram, List.of("127.0.0.1", port, "2", "50", "graceful")));
                    }
                }
                for (int i = 0; i < clients.size(); i++) {
                    // within the client's own 10 s deadline; the time is printed, not asserted (the
                    // deterministic bound is HostileNetworkTest's, on simulated time)
                    if (connectedAfter.get(i) < 0) {
                        clients.get(i).await("CONNECTED", 10_000);
                    }
                    System.out.println("libenet client " + i + " connected " + connectedAfter.get(i) + " ms after it started, under the flood");
                }
                flood.stop();
                flooder.join();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (clients.stream().anyMatch(LibEnet.Program::isAlive) && System.nanoTime() < deadline) {
                    server.service(5);
                }
                for (LibEnet.Program c : clients) {
                    assertTrue(c.await("RESULT", 1000).startsWith("RESULT ok=1"), c.transcript());
                }
            } finally {
                flood.stop();
                flooder.join();
                for (LibEnet.Program c : clients) {
                    c.close();
                }
            }
            // late replies (there should be none: nothing is retransmitted to an unproven address)
            long settle = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < settle) {
                server.service(5);
                flood.drain();
            }
            System.out.println("flood: " + flood.sent.get() + " CONNECTs, " + flood.sentBytes.get() + " bytes in, "
                    + flood.reflectedBytes.get() + " bytes back; server " + host.engineStats());
            assertEquals(3, server.connects());
            assertTrue(flood.sentBytes.get() > 0 && flood.reflectedBytes.get() <= flood.sentBytes.get(),
                    "amplification: " + flood.reflectedBytes.get() + " bytes out for " + flood.sentBytes.get() + " in, "
                            + host.engineStats());
        }
    }

    /** Sends CONNECTs round-robin from SOURCES sockets at CONNECTS_PER_SECOND and counts what comes back to them. */
    private static final class Flood implements Runnable, AutoCloseable {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong sentBytes = new AtomicLong();
        final AtomicLong reflectedBytes = new AtomicLong();
        private final DatagramChannel[] sources = new DatagramChannel[SOURCES];
        private final InetSocketAddress target;
        private final ByteBuffer connect = ByteBuffer.allocate(52);
        private final ByteBuffer incoming = ByteBuffer.allocate(4096);
        private volatile boolean running = true;

        Flood(int port) throws IOException {
            target = new InetSocketAddress("127.0.0.1", port);
            for (int i = 0; i < SOURCES; i++) {
                byte[] ip = {127, 1, (byte) (i / 250), (byte) (i % 250 + 1)};
                sources[i] = DatagramChannel.open(StandardProtocolFamily.INET)
                        .bind(new InetSocketAddress(InetAddress.getByAddress(ip), 0));
                sources[i].configureBlocking(false);
            }
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long drained = start;
            try {
                while (running) {
                    long due = (System.nanoTime() - start) * CONNECTS_PER_SECOND / 1_000_000_000L;
                    while (sent.get() < due) {
                        long n = sent.getAndIncrement();
                        DatagramChannel source = sources[(int) (n % SOURCES)];
                        sentBytes.addAndGet(source.send(connectDatagram((int) n), target));
                    }
                    if (System.nanoTime() - drained > 100_000_000L) {
                        // 5,000 receive calls: often enough that no socket buffer overflows, rarely enough to leave CPU to the server
                        drain();
                        drained = System.nanoTime();
                    }
                    LockSupport.parkNanos(500_000);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A libenet CONNECT for 2 channels with connect id {@code id}, with a sent-time header. */
        private ByteBuffer connectDatagram(int id) {
            connect.clear();
            connect.putShort((short) 0x8FFF).putShort((short) id).put((byte) 0x82).put((byte) 0xFF).putShort((short) 1)
                    .putShort((short) 0).put((byte) 0xFF).put((byte) 0xFF).putInt(1400).putInt(65536).putInt(2).putInt(0)
                    .putInt(0).putInt(5000).putInt(2).putInt(2).putInt(id).putInt(0);
            return connect.flip();
        }

        synchronized void drain() {
            try {
                for (DatagramChannel source : sources) {
                    incoming.clear();
                    while (source.receive(incoming) != null) {
                        reflectedBytes.addAndGet(incoming.position());
                        incoming.clear();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            running = false;
        }

        @Override
        public void close() throws IOException {
            for (DatagramChannel source : sources) {
                if (source != null) {
                    source.close();
                }
            }
        }
    }
}

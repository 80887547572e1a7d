package dev.entitynet.transport.enet.netty;

import dev.entitynet.transport.enet.Endpoints;
import io.netty.channel.epoll.Epoll;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpSocketTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    /** Collects what a socket receives, as "endpoint:first int:length". */
    private static final class Collector implements DatagramReceiver {
        final ConcurrentLinkedQueue<String> datagrams = new ConcurrentLinkedQueue<>();
        final AtomicInteger batches = new AtomicInteger();
        /** One permit per datagram, so a test waits for the arrivals themselves. */
        final Semaphore arrived = new Semaphore(0);

        @Override
        public void datagram(long endpoint, BytesStore<?, ?> data, long offset, int length) {
            datagrams.add(Endpoints.port(endpoint) + ":" + data.readInt(offset) + ":" + length);
            arrived.release();
        }

        @Override
        public void batchComplete() {
            batches.incrementAndGet();
        }
    }

    @ParameterizedTest(name = "forceNio={0}")
    @ValueSource(booleans = {false, true})
    void aBatchWrittenWithOneFlushArrivesWholeAndFromTheRightEndpoint(boolean forceNio) throws Exception {
        Collector received = new Collector();
        UdpSocketOptions options = UdpSocketOptions.defaults().withForceNio(forceNio);
        try (UdpSocket sender = UdpSocket.bind(LOOPBACK, options, new Collector(), "test-sender");
             UdpSocket receiver = UdpSocket.bind(LOOPBACK, options, received, "test-receiver")) {
            BytesStore<?, Void> payload = BytesStore.nativeStoreWithFixedCapacity(4096);
            assertEquals(!forceNio && Epoll.isAvailable(), sender.isEpoll());
            long to = Endpoints.of(receiver.localAddress());
            sender.eventLoop().submit(() -> {
                for (int i = 0; i < 64; i++) {
                    payload.writeInt(0, i);
                    sender.send(to, payload, 0, 100 + i * 60);
                }
                sender.flush();
            }).get(10, TimeUnit.SECONDS);
            awaitCount(received, 64);
            int senderPort = sender.localAddress().getPort();
            for (int i = 0; i < 64; i++) {
                assertTrue(received.datagrams.contains(senderPort + ":" + i + ":" + (100 + i * 60)), "datagram " + i);
            }
            assertTrue(received.batches.get() >= 1);
            assertEquals(64, sender.writtenDatagrams());
            payload.releaseLast();
        }
    }

    @ParameterizedTest(name = "forceNio={0}")
    @ValueSource(booleans = {false, true})
    void datagramsLargerThanEnetsMaximumAreDroppedAndCounted(boolean forceNio) throws Exception {
        Collector received = new Collector();
        try (UdpSocket receiver = UdpSocket.bind(LOOPBACK, UdpSocketOptions.defaults().withForceNio(forceNio), received, "test-receiver");
             DatagramSocket plain = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] big = new byte[5000];
            byte[] small = new byte[8];
            plain.send(new java.net.DatagramPacket(big, big.length, receiver.localAddress()));
            plain.send(new java.net.DatagramPacket(small, small.length, receiver.localAddress()));
            awaitCount(received, 1);
            assertEquals(plain.getLocalPort() + ":0:8", received.datagrams.peek());
            long oversize = receiver.eventLoop().submit(receiver::oversizeDatagrams).get(10, TimeUnit.SECONDS);
            assertEquals(1, oversize);
        }
    }

    private static void awaitCount(Collector collector, int count) throws InterruptedException {
        collector.arrived.tryAcquire(count, 10, TimeUnit.SECONDS);
        assertEquals(count, collector.datagrams.size(), "datagrams received before the deadline");
    }
}

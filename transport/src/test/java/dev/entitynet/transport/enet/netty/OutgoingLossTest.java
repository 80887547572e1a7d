package dev.entitynet.transport.enet.netty;

import dev.entitynet.transport.enet.host.EnetHostOptions;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutgoingLossTest {

    @Test
    void dropsTheConfiguredShareReproduciblyFromTheSeed() {
        long seed = 42;
        OutgoingLoss a = new OutgoingLoss(10, seed);
        OutgoingLoss b = new OutgoingLoss(10, seed);
        int dropped = 0;
        for (int i = 0; i < 100_000; i++) {
            boolean drop = a.dropNext();
            assertEquals(drop, b.dropNext(), "same seed, same choices (seed " + seed + ")");
            dropped += drop ? 1 : 0;
        }
        assertTrue(dropped > 9_000 && dropped < 11_000, "about 10% dropped, got " + dropped + " (seed " + seed + ")");
        OutgoingLoss none = new OutgoingLoss(0, seed);
        OutgoingLoss all = new OutgoingLoss(100, seed);
        for (int i = 0; i < 1000; i++) {
            assertTrue(!none.dropNext() && all.dropNext());
        }
    }

    @Test
    void optionsRejectAShareOutsideZeroToHundredAndKeepItThroughOtherChanges() {
        assertThrows(IllegalArgumentException.class, () -> UdpSocketOptions.defaults().withOutgoingLoss(101, 1));
        assertThrows(IllegalArgumentException.class, () -> UdpSocketOptions.defaults().withOutgoingLoss(Double.NaN, 1));
        EnetHostOptions options = EnetHostOptions.defaults().withOutgoingLoss(12.5, 7).withForceNio(true);
        assertEquals(12.5, options.socket().outgoingLossPercent());
        assertEquals(7, options.socket().outgoingLossSeed());
    }

    @Test
    void aSocketDroppingEverythingCountsEveryDatagramAndWritesNone() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        DatagramReceiver ignore = new DatagramReceiver() {
            @Override
            public void datagram(long endpoint, BytesStore<?, ?> data, long offset, int length) {
            }

            @Override
            public void batchComplete() {
            }
        };
        try (UdpSocket socket = UdpSocket.bind(loopback, UdpSocketOptions.defaults().withOutgoingLoss(100, 3), ignore, "test-loss")) {
            BytesStore<?, Void> payload = BytesStore.nativeStoreWithFixedCapacity(64);
            long to = dev.entitynet.transport.enet.Endpoints.of(socket.localAddress());
            long[] counts = socket.eventLoop().submit(() -> {
                for (int i = 0; i < 20; i++) {
                    socket.send(to, payload, 0, 64);
                }
                socket.flush();
                return new long[] {socket.simulatedLossDrops(), socket.writtenDatagrams()};
            }).get(10, TimeUnit.SECONDS);
            assertEquals(20, counts[0]);
            assertEquals(0, counts[1]);
            payload.releaseLast();
        }
    }
}

package dev.entitynet.jmh.enet;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.Endpoints;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Engine encode/decode per packet: a client engine sends one 64-byte packet, its datagram goes
 * straight into the server engine, the server delivers it and its ACK goes back into the client.
 * Run with {@code -prof gc}: gc.alloc.rate.norm should be ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EnetEngineBenchmark {
    private static final long SERVER = Endpoints.of(0x7F000001, 7777);
    private static final long CLIENT = Endpoints.of(0x7F000001, 50000);

    private EnetEngine server;
    private EnetEngine client;
    private BytesStore<?, Void> payload;
    private long now = 1_000;
    private long received;

    /** The client's datagrams land in the server at once. */
    private final DatagramOutput toServer = (endpoint, data, offset, length) -> server.receive(CLIENT, data, offset, length, now);
    /** The server's datagrams land in the client at once. */
    private final DatagramOutput toClient = (endpoint, data, offset, length) -> client.receive(SERVER, data, offset, length, now);
    private final EnetEventListener counter = new EnetEventListener() {
        @Override
        public void connected(int peerId, long endpoint, int data) {
        }

        @Override
        public void disconnected(int peerId, long endpoint, int data) {
        }

        @Override
        public void received(int peerId, int channel, int flags, Bytes<?> bytes) {
            received += bytes.readRemaining();
        }
    };

    @Setup(Level.Trial)
    public void connect() {
        server = new EnetEngine(EnetConfig.defaults(), 1);
        client = new EnetEngine(EnetConfig.defaults(), 2);
        payload = BytesStore.nativeStoreWithFixedCapacity(64);
        for (int i = 0; i < 64; i++) {
            payload.writeByte(i, (byte) i);
        }
        client.connect(SERVER, 2, 0, now);
        // past the handshake and the BANDWIDTH_LIMIT exchange a second later
        for (int i = 0; i < 1_500; i++) {
            step();
        }
        if (!client.isConnected(0) || !server.isConnected(0)) {
            throw new IllegalStateException("benchmark engines did not connect");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
        server.close();
        payload.releaseLast();
    }

    @Benchmark
    public long reliable64ByteRoundTrip() {
        client.send(0, 0, EnetPacketFlags.RELIABLE, payload, 0, 64);
        step();
        return received;
    }

    @Benchmark
    public long unreliable64Byte() {
        client.send(0, 1, 0, payload, 0, 64);
        step();
        return received;
    }

    @Benchmark
    public long unsequenced64Byte() {
        client.send(0, 1, EnetPacketFlags.UNSEQUENCED, payload, 0, 64);
        step();
        return received;
    }

    private void step() {
        now++;
        client.service(now, toServer);
        server.service(now, toClient);
        server.pollEvents(counter);
        client.pollEvents(counter);
    }
}

package dev.entitynet.jmh.enet;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.secure.SecureLink;
import dev.entitynet.transport.enet.secure.SecureMode;
import dev.entitynet.transport.secure.TokenIssuer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Engine encode/decode per packet: a client engine sends one 64-byte packet, its datagram goes
 * straight into the server engine, the server delivers it and its ACK goes back into the client.
 * With {@code security=secure} every datagram is sealed and opened on the way (SecureLink with
 * ChaCha20-Poly1305): the ratio of the two is what secure mode costs per message.
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

    @Param({"plain", "secure"})
    String security;

    private EnetEngine server;
    private EnetEngine client;
    private DatagramOutput clientOut;
    private DatagramOutput serverOut;
    private SecureLink clientLink;
    private SecureLink serverLink;
    private BytesStore<?, Void> payload;
    private long now = 1_000;
    private long received;

    /** The client's datagrams land in the server at once. */
    private final DatagramOutput toServer = (endpoint, data, offset, length) -> {
        if (serverLink == null) {
            server.receive(CLIENT, data, offset, length, now);
        } else {
            serverLink.receive(CLIENT, data, offset, length, now, server);
        }
    };
    /** The server's datagrams land in the client at once. */
    private final DatagramOutput toClient = (endpoint, data, offset, length) -> {
        if (clientLink == null) {
            client.receive(SERVER, data, offset, length, now);
        } else {
            clientLink.receive(SERVER, data, offset, length, now, client);
        }
    };
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
        clientOut = toServer;
        serverOut = toClient;
        if (security.equals("secure")) {
            byte[] key = new byte[32];
            InetSocketAddress address = Endpoints.toAddress(SERVER);
            byte[] token = new TokenIssuer(key, 1, () -> System.currentTimeMillis() / 1000).issue(1, List.of(address), 3600, 60, new byte[0]);
            serverLink = new SecureLink(SecureMode.server(key, 1, address).open(32, address), toClient, System::currentTimeMillis);
            clientLink = new SecureLink(SecureMode.client(token).open(1, null), toServer, System::currentTimeMillis);
            clientOut = clientLink;
            serverOut = serverLink;
        }
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
        client.service(now, clientOut);
        server.service(now, serverOut);
        server.pollEvents(counter);
        client.pollEvents(counter);
    }
}

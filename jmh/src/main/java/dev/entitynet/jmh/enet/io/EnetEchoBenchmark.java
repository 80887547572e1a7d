package dev.entitynet.jmh.enet.io;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Loopback echo through two Java ENet hosts (client and an echo server), each with its Netty
 * event loop; the server echoes from its own thread through the host's rings ({@code server=RING})
 * or on its event loop ({@code server=INLINE}, the host's inline mode): {@code roundTrip} is one 64-byte packet there and back (latency),
 * {@code burst} sends 64 and waits for all 64 echoes (throughput, per message). With -prof gc,
 * gc.alloc.rate.norm counts every thread of the fork (both hosts' loops and the echo thread), so
 * it is the end-to-end allocation per message; one message is four datagrams or fewer (data and
 * ack each way, acks often share a datagram). At the end of a trial it prints how many datagrams
 * (both directions) each echoed message took, to turn B/op into bytes per datagram.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EnetEchoBenchmark implements EnetEventListener {
    private static final int BURST = 64;

    @Param({"RELIABLE", "UNSEQUENCED"})
    public String kind;

    @Param({"RING", "INLINE"})
    public String server;

    private EnetHost serverHost;
    private EnetHost clientHost;
    private Thread echoThread;
    private volatile boolean running;
    private BytesStore<?, Void> payload;
    private int peer = -1;
    private int flags;
    private int echoes;
    private long echoedTotal;

    @Setup(Level.Trial)
    public void start() {
        flags = kind.equals("RELIABLE") ? EnetPacketFlags.RELIABLE : EnetPacketFlags.UNSEQUENCED;
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        if (server.equals("INLINE")) {
            serverHost = EchoServer.inline(EnetConfig.defaults().withPeerLimit(4), loopback, EnetHostOptions.defaults()).host();
        } else {
            serverHost = EnetHost.create(EnetConfig.defaults().withPeerLimit(4), loopback);
            EchoServer echo = new EchoServer(serverHost);
            running = true;
            echoThread = new Thread(() -> {
                while (running) {
                    echo.service(1);
                }
            }, "echo-server");
            echoThread.start();
        }
        clientHost = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), loopback);
        peer = clientHost.connect(new InetSocketAddress("127.0.0.1", serverHost.localAddress().getPort()), 2, 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!clientHost.isConnected(peer)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the client did not connect");
            }
            clientHost.service(this, 10);
        }
        payload = BytesStore.nativeStoreWithFixedCapacity(64);
        for (int i = 0; i < 64; i++) {
            payload.writeByte(i, (byte) i);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        long datagrams = serverHost.engineStats().datagramsSent() + clientHost.engineStats().datagramsSent();
        System.out.printf("%n%s/%s: %d messages echoed, %.3f datagrams per message%n", kind, server, echoedTotal,
                datagrams / (double) Math.max(1, echoedTotal));
        running = false;
        if (echoThread != null) {
            echoThread.join();
        }
        clientHost.close();
        serverHost.close();
        payload.releaseLast();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int roundTrip() {
        return exchange(1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BURST)
    public int burst() {
        return exchange(BURST);
    }

    /** Sends {@code count} packets and waits for their echoes (unsequenced ones may be lost: bounded wait). */
    private int exchange(int count) {
        echoes = 0;
        int sent = 0;
        while (sent < count) {
            if (clientHost.send(peer, 0, flags, payload, 0, 64) == SendResult.SENT) {
                sent++;
            } else {
                clientHost.service(this);
            }
        }
        long deadline = System.nanoTime() + 100_000_000L;
        while (echoes < count && System.nanoTime() < deadline) {
            clientHost.service(this, 1);
        }
        return echoes;
    }

    @Override
    public void connected(int peerId, long endpoint, int data) {
    }

    @Override
    public void disconnected(int peerId, long endpoint, int data) {
    }

    @Override
    public void received(int peerId, int channel, int receivedFlags, Bytes<?> bytes) {
        echoes++;
        echoedTotal++;
    }
}

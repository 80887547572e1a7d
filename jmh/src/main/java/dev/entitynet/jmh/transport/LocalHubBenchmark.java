package dev.entitynet.jmh.transport;

import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.local.LocalHub;
import net.openhft.chronicle.bytes.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One packet from a client to the server and one poll that delivers it, on the in-process hub:
 * the cost the transport adds to every test of the upper layers, and proof that send and poll
 * allocate nothing.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LocalHubBenchmark {
    @Param({"64", "1024"})
    int payloadBytes;

    @Param({"RELIABLE", "UNRELIABLE_ORDERED", "UNRELIABLE"})
    TransferMode mode;

    private LocalHub hub;
    private MultiplayerPeer server;
    private MultiplayerPeer client;
    private Bytes<?> payload;
    private SummingListener listener;

    @Setup(Level.Trial)
    public void connect(Blackhole blackhole) {
        hub = new LocalHub(new ManualClock(), 1);
        server = hub.createServer();
        client = hub.createClient();
        listener = new SummingListener(blackhole);
        client.poll(listener);
        server.poll(listener);
        client.poll(listener);
        if (!client.isServer() && client.connectionStatus() != dev.entitynet.transport.ConnectionStatus.CONNECTED) {
            throw new IllegalStateException("client did not connect");
        }
        payload = Bytes.allocateElasticDirect(payloadBytes);
        for (int i = 0; i < payloadBytes / 4; i++) {
            payload.writeInt(i);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
        server.close();
        payload.releaseLast();
        hub.close();
    }

    @Benchmark
    public int sendAndPoll() {
        client.send(1, mode, 0, payload);
        return server.poll(listener);
    }

    /** Reads the first int of every packet so the delivery cannot be optimised away. */
    static final class SummingListener implements PeerEventListener {
        private final Blackhole blackhole;

        SummingListener(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            blackhole.consume(packet.payload().readInt());
        }
    }
}

package dev.entitynet.examples.enetecho;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngineStats;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import dev.entitynet.transport.enet.secure.SecureMode;
import dev.entitynet.transport.enet.secure.SecureStats;
import net.openhft.chronicle.bytes.Bytes;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./run enet-echo load}: bench/c/enet_load.c from Java, plain or secure: one client keeps
 * {@code window} reliable packets of {@code size} bytes in flight to an echo server, sending a new
 * one as each echo comes back (on the host's event loop, inline mode), and counts echoes for
 * {@code seconds} after a 1 s warm-up. It prints, one per line, for scripts:
 * <pre>
 * MEASURE_START                          the measured window opens (a script may read the server's CPU time now)
 * MEASURE_END                            and closes
 * MSGS_PER_SEC r                         echoes per second in the window
 * MEASURED_ECHOES n                      echoes in the window
 * DATAGRAMS_SENT n wireAvg enetAvg       datagrams to the server over the whole run, average bytes on the wire and as ENet made them
 * DATAGRAMS_RECEIVED n wireAvg enetAvg   the same for the server's datagrams
 * </pre>
 * On a plain host the wire and ENet sizes are the same; on a secure one the wire adds the sealing.
 */
final class EchoLoad implements EnetEventListener {
    static final String USAGE = "load --host H --port P [--seconds S] [--window W] [--size B] [--token-file F]";
    private static final int CHANNELS = 2;
    private static final long WARM_UP_MILLIS = 1000;
    private static final long CONNECT_MILLIS = 10_000;

    private final EnetHost host;
    private final byte[] payload;
    private final int window;
    private int inFlight;
    private volatile boolean connected;
    private volatile boolean disconnected;
    /** Written on the event loop only; read by the main thread. */
    private final AtomicLong echoes = new AtomicLong();

    private EchoLoad(EnetHost host, int window, int size) {
        this.host = host;
        this.window = window;
        this.payload = new byte[size];
    }

    /** Runs the load and prints its figures to {@code out}; returns the exit code. */
    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Arguments a = Arguments.parse(args, Set.of("host", "port", "seconds", "window", "size", "token-file"));
        InetSocketAddress server = new InetSocketAddress(a.stringValue("host", "127.0.0.1"), a.intValue("port", 7777));
        long seconds = a.longValue("seconds", 5);
        int window = a.intValue("window", 64);
        int size = a.intValue("size", 64);
        EnetHostOptions options = EnetHostOptions.defaults();
        if (a.has("token-file")) {
            options = options.withSecure(SecureMode.client(Files.readAllBytes(Path.of(a.stringValue("token-file", "")))));
        }
        EchoLoad[] load = new EchoLoad[1];
        EnetConfig config = EnetConfig.defaults().withPeerLimit(1).withChannelLimit(CHANNELS);
        EnetHost host = EnetHost.create(config, new InetSocketAddress("0.0.0.0", 0), options, h -> load[0] = new EchoLoad(h, window, size));
        long measured;
        double elapsedSeconds;
        try {
            host.connect(server, CHANNELS, 0);
            if (!load[0].awaitConnection()) {
                System.err.println("enet-echo load: could not connect to " + server);
                return 1;
            }
            Thread.sleep(WARM_UP_MILLIS);
            long startEchoes = load[0].echoes.get();
            long start = System.nanoTime();
            out.println("MEASURE_START");
            Thread.sleep(seconds * 1000);
            measured = load[0].echoes.get() - startEchoes;
            elapsedSeconds = (System.nanoTime() - start) / 1e9;
            out.println("MEASURE_END");
        } finally {
            host.close(); // the loop has stopped: its counters are final and visible here
        }
        if (load[0].disconnected) {
            System.err.println("enet-echo load: the server disconnected");
            return 1;
        }
        out.printf("MSGS_PER_SEC %.0f%n", measured / elapsedSeconds);
        out.println("MEASURED_ECHOES " + measured);
        printDatagrams(host.engineStats(), host.secureStats(), out);
        return 0;
    }

    /** Counts and average sizes each way: on the wire (sealed, on a secure host) and as the engine made or read them. */
    private static void printDatagrams(EnetEngineStats enet, SecureStats secure, PrintStream out) {
        long sent = enet.datagramsSent();
        long received = enet.datagramsReceived();
        double wireSent = secure == null ? average(enet.bytesSent(), sent) : average(secure.sealedBytes(), secure.sealedDatagrams());
        double wireReceived = secure == null ? average(enet.bytesReceived(), received) : average(secure.openedBytes(), secure.openedDatagrams());
        out.printf("DATAGRAMS_SENT %d %.2f %.2f%n", sent, wireSent, average(enet.bytesSent(), sent));
        out.printf("DATAGRAMS_RECEIVED %d %.2f %.2f%n", received, wireReceived, average(enet.bytesReceived(), received));
    }

    private static double average(long bytes, long datagrams) {
        return datagrams == 0 ? 0 : bytes / (double) datagrams;
    }

    private boolean awaitConnection() throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_MILLIS * 1_000_000L;
        while (!connected && !disconnected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return connected;
    }

    /** Keeps {@code window} packets in flight (fewer while the outgoing queue pushes back). */
    private void topUp(int peer) {
        while (inFlight < window && host.send(peer, 0, EnetPacketFlags.RELIABLE, payload, 0, payload.length) == SendResult.SENT) {
            inFlight++;
        }
    }

    @Override
    public void connected(int peer, long endpoint, int data) {
        connected = true;
        topUp(peer);
    }

    @Override
    public void disconnected(int peer, long endpoint, int data) {
        disconnected = true;
    }

    @Override
    public void received(int peer, int channel, int flags, Bytes<?> echo) {
        inFlight--;
        echoes.lazySet(echoes.get() + 1);
        topUp(peer);
    }
}

package dev.entitynet.examples.enetecho;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.echo.EchoClient;
import dev.entitynet.transport.enet.echo.EchoReport;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./run enet-echo server|client ...}: an ENet echo server and a checking client over real
 * UDP, interoperable with libenet (the C programs in transport/src/test/c speak the same workload).
 */
public final class EnetEcho {
    private EnetEcho() {
    }

    /** Runs {@code server ...} or {@code client ...}; returns the exit code. */
    public static int run(String[] args) {
        if (args.length == 0 || !(args[0].equals("server") || args[0].equals("client"))) {
            System.err.println("usage: enet-echo server --port P [--bind ADDR] [--channels N] [--peers N] [--peers-per-address N]");
            System.err.println("                        [--half-open N] [--half-open-per-address N] [--seconds S] [--ring]");
            System.err.println("       enet-echo client --host H --port P [--channels N] [--count K]");
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        return args[0].equals("server") ? server(rest) : client(rest);
    }

    /**
     * Echoes on the host's event loop (inline mode, libenet's single-thread model); with
     * {@code --ring} on this thread instead, through the host's rings (the mode game threads use).
     * The handshake limits are {@link EnetConfig#defaults()}'s unless given: a load test that opens
     * hundreds of connections at once from one address needs {@code --half-open-per-address}.
     */
    private static int server(String[] args) {
        Arguments a = Arguments.parse(args, Set.of("port", "bind", "channels", "peers", "peers-per-address", "half-open",
                "half-open-per-address", "seconds"), Set.of("ring"));
        InetSocketAddress bind = new InetSocketAddress(a.stringValue("bind", "0.0.0.0"), a.intValue("port", 7777));
        EnetConfig config = EnetConfig.defaults().withPeerLimit(a.intValue("peers", 64)).withChannelLimit(a.intValue("channels", 255));
        config = config.withMaxHalfOpenConnections(a.intValue("half-open", config.maxHalfOpenConnections()));
        // connected peers one IP address may hold (none by default: many honest clients may share one)
        config = config.withPerAddressLimits(a.intValue("half-open-per-address", config.maxHalfOpenPerAddress()),
                a.intValue("peers-per-address", EnetConfig.MAX_PEERS));
        long seconds = a.longValue("seconds", 0);
        boolean ring = a.has("ring");
        EchoServer echo = ring ? new EchoServer(EnetHost.create(config, bind)) : EchoServer.inline(config, bind, EnetHostOptions.defaults());
        try (EnetHost host = echo.host()) {
            System.out.println("enet-echo server listening on " + host.localAddress() + " (" + (host.isEpoll() ? "epoll" : "nio")
                    + ", " + (ring ? "ring" : "inline") + " events, " + config.channelLimit() + " channels, "
                    + config.peerLimit() + " peers, " + config.maxHalfOpenConnections() + " handshakes at once, "
                    + config.maxHalfOpenPerAddress() + " per address" + (seconds > 0 ? ", for " + seconds + " s" : "") + ")");
            long end = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
            while (System.nanoTime() - end < 0) {
                if (ring) {
                    echo.service(10);
                } else {
                    LockSupport.parkNanos(10_000_000L);
                }
            }
        }
        // After close: the event loop has stopped, so its counters are final and visible here.
        System.out.println("enet-echo server: " + echo.connects() + " connections, " + echo.disconnects() + " disconnections, "
                + echo.echoed() + " packets echoed; " + echo.host().engineStats());
        return 0;
    }

    private static int client(String[] args) {
        Arguments a = Arguments.parse(args, Set.of("host", "port", "channels", "count", "timeout"));
        InetSocketAddress server = new InetSocketAddress(a.stringValue("host", "127.0.0.1"), a.intValue("port", 7777));
        int channels = a.intValue("channels", 4);
        int count = a.intValue("count", 1000);
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withPeerLimit(1).withChannelLimit(channels),
                new InetSocketAddress("0.0.0.0", 0))) {
            long start = System.nanoTime();
            EchoReport report = new EchoClient(host, channels).run(server, count, EchoClient.Ending.GRACEFUL,
                    a.longValue("timeout", 60) * 1000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("enet-echo client: " + report.summary() + " in " + millis + " ms");
            return report.ok() ? 0 : 1;
        }
    }
}

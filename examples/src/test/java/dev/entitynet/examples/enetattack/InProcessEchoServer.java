package dev.entitynet.examples.enetattack;

import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import net.openhft.chronicle.bytes.Bytes;

import java.net.InetSocketAddress;

/**
 * The Java ENet echo server ({@code ./run enet-echo server}'s, inline mode) on 127.0.0.1 and a free
 * port, optionally with shorter peer timeouts set on every connection (enet_peer_timeout).
 */
final class InProcessEchoServer implements AutoCloseable {
    private final EnetHost host;

    private InProcessEchoServer(EnetHost host) {
        this.host = host;
    }

    /** 64 peers, 4 channels, ENet's default timeouts. */
    static InProcessEchoServer start() {
        return start(0, 0);
    }

    /**
     * 64 peers, 4 channels; with {@code timeoutMaximumMillis} above 0 every peer gets timeout limit
     * 32, minimum {@code timeoutMinimumMillis} and maximum {@code timeoutMaximumMillis}.
     */
    static InProcessEchoServer start(int timeoutMinimumMillis, int timeoutMaximumMillis) {
        EnetConfig config = EnetConfig.defaults().withPeerLimit(64).withChannelLimit(4);
        EnetHost host = EnetHost.create(config, new InetSocketAddress("127.0.0.1", 0), EnetHostOptions.defaults(),
                h -> timeoutMaximumMillis > 0 ? new Timeouts(h, new EchoServer(h), timeoutMinimumMillis, timeoutMaximumMillis)
                        : new EchoServer(h));
        return new InProcessEchoServer(host);
    }

    /** The attack arguments that point at it. */
    String[] target(String attack, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = attack;
        args[1] = "--port";
        args[2] = Integer.toString(host.localAddress().getPort());
        args[3] = "--seed";
        args[4] = "42";
        System.arraycopy(options, 0, args, 5, options.length);
        return args;
    }

    @Override
    public void close() {
        host.close();
    }

    /** Sets the peer's timeouts on connect, then echoes. Runs on the host's loop (inline mode). */
    private record Timeouts(EnetHost host, EchoServer echo, int minimum, int maximum) implements EnetEventListener {
        @Override
        public void connected(int peerId, long endpoint, int data) {
            host.timeout(peerId, 32, minimum, maximum, 500);
            echo.connected(peerId, endpoint, data);
        }

        @Override
        public void disconnected(int peerId, long endpoint, int data) {
            echo.disconnected(peerId, endpoint, data);
        }

        @Override
        public void received(int peerId, int channel, int flags, Bytes<?> payload) {
            echo.received(peerId, channel, flags, payload);
        }
    }
}

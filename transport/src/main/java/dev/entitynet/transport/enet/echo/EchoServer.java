package dev.entitynet.transport.enet.echo;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import net.openhft.chronicle.bytes.Bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;

import java.util.concurrent.locks.LockSupport;

/**
 * Echoes every packet back to its sender on the same channel with the flags it arrived with; a
 * reliable "BYE" makes it disconnect that peer gracefully with data 77 (like the C echo server).
 * Runs on the caller's thread through {@link #service(long)}, or, made with {@link #inline}, on the
 * host's event loop as packets arrive (read the counters after closing the host then).
 */
public final class EchoServer implements EnetEventListener {
    /** The disconnect data the server sends in answer to "BYE". */
    public static final int BYE_DATA = 77;
    private static final int ECHO_FLAGS = EnetPacketFlags.RELIABLE | EnetPacketFlags.UNSEQUENCED | EnetPacketFlags.UNRELIABLE_FRAGMENT;

    private static final VarHandle ECHOED;

    static {
        try {
            ECHOED = MethodHandles.lookup().findVarHandle(EchoServer.class, "echoed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EnetHost host;
    // Written only by the thread that handles events; published so another thread may watch them
    // (inline mode). The per-packet counter uses a release store, which is free on x86.
    private long echoed;
    private volatile long refusedEchoes;
    private volatile long connects;
    private volatile long disconnects;
    private volatile int lastConnectData;
    private volatile int lastDisconnectData;

    /** Echoes for {@code host}; the caller keeps ownership of the host. */
    public EchoServer(EnetHost host) {
        this.host = host;
    }

    /**
     * An echo server in the host's inline mode: it answers on the event loop itself, with no
     * thread hand-off (libenet's model). Close {@link #host()} to stop it.
     */
    public static EchoServer inline(EnetConfig config, InetSocketAddress bind, EnetHostOptions options) {
        EchoServer[] made = new EchoServer[1];
        EnetHost.create(config, bind, options, host -> made[0] = new EchoServer(host));
        return made[0];
    }

    /** The host this server echoes for. */
    public EnetHost host() {
        return host;
    }

    /** Handles whatever arrived, waiting up to {@code timeoutMillis} for the first event. */
    public int service(long timeoutMillis) {
        return host.service(this, timeoutMillis);
    }

    @Override
    public void connected(int peer, long endpoint, int data) {
        connects = connects + 1;
        lastConnectData = data;
    }

    @Override
    public void disconnected(int peer, long endpoint, int data) {
        disconnects = disconnects + 1;
        lastDisconnectData = data;
    }

    @Override
    public void received(int peer, int channel, int flags, Bytes<?> payload) {
        long length = payload.readRemaining();
        if ((flags & EnetPacketFlags.RELIABLE) != 0 && length == 3 && isBye(payload)) {
            host.disconnect(peer, BYE_DATA);
            return;
        }
        // Ring mode: the event loop keeps draining commands and acknowledgements while this thread
        // waits, so a full ring or queue clears. Inline mode runs on the loop itself: nothing can
        // drain while it waits, so a peer whose queue is full (it acknowledges nothing) loses the echo.
        while (host.send(peer, channel, flags & ECHO_FLAGS, payload, payload.readPosition(), (int) length) == SendResult.BACK_PRESSURE) {
            if (host.isInline()) {
                refusedEchoes = refusedEchoes + 1;
                return;
            }
            LockSupport.parkNanos(20_000);
        }
        ECHOED.setRelease(this, echoed + 1);
    }

    private static boolean isBye(Bytes<?> payload) {
        long p = payload.readPosition();
        return payload.readByte(p) == 'B' && payload.readByte(p + 1) == 'Y' && payload.readByte(p + 2) == 'E';
    }

    /** Packets echoed so far. */
    public long echoed() {
        return (long) ECHOED.getAcquire(this);
    }

    /** Echoes not sent because the peer's outgoing queue was full (inline mode only; ring mode waits). */
    public long refusedEchoes() {
        return refusedEchoes;
    }

    /** Connections seen so far. */
    public long connects() {
        return connects;
    }

    /** Disconnections seen so far. */
    public long disconnects() {
        return disconnects;
    }

    /** The data of the last CONNECT. */
    public int lastConnectData() {
        return lastConnectData;
    }

    /** The data of the last disconnect event. */
    public int lastDisconnectData() {
        return lastDisconnectData;
    }
}

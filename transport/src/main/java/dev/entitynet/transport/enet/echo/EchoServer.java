package dev.entitynet.transport.enet.echo;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.host.EnetHost;
import net.openhft.chronicle.bytes.Bytes;

import java.util.concurrent.locks.LockSupport;

/**
 * Echoes every packet back to its sender on the same channel with the flags it arrived with; a
 * reliable "BYE" makes it disconnect that peer gracefully with data 77 (like the C echo server).
 * Runs on the caller's thread through {@link #service(long)}.
 */
public final class EchoServer implements EnetEventListener {
    /** The disconnect data the server sends in answer to "BYE". */
    public static final int BYE_DATA = 77;
    private static final int ECHO_FLAGS = EnetPacketFlags.RELIABLE | EnetPacketFlags.UNSEQUENCED | EnetPacketFlags.UNRELIABLE_FRAGMENT;

    private final EnetHost host;
    private long echoed;
    private long connects;
    private long disconnects;
    private int lastConnectData;
    private int lastDisconnectData;

    /** Echoes for {@code host}; the caller keeps ownership of the host. */
    public EchoServer(EnetHost host) {
        this.host = host;
    }

    /** Handles whatever arrived, waiting up to {@code timeoutMillis} for the first event. */
    public int service(long timeoutMillis) {
        return host.service(this, timeoutMillis);
    }

    @Override
    public void connected(int peer, long endpoint, int data) {
        connects++;
        lastConnectData = data;
    }

    @Override
    public void disconnected(int peer, long endpoint, int data) {
        disconnects++;
        lastDisconnectData = data;
    }

    @Override
    public void received(int peer, int channel, int flags, Bytes<?> payload) {
        long length = payload.readRemaining();
        if ((flags & EnetPacketFlags.RELIABLE) != 0 && length == 3 && isBye(payload)) {
            host.disconnect(peer, BYE_DATA);
            return;
        }
        // The event loop keeps draining commands while this thread waits, so a full ring clears.
        while (host.send(peer, channel, flags & ECHO_FLAGS, payload, payload.readPosition(), (int) length) == SendResult.BACK_PRESSURE) {
            LockSupport.parkNanos(20_000);
        }
        echoed++;
    }

    private static boolean isBye(Bytes<?> payload) {
        long p = payload.readPosition();
        return payload.readByte(p) == 'B' && payload.readByte(p + 1) == 'Y' && payload.readByte(p + 2) == 'E';
    }

    /** Packets echoed so far. */
    public long echoed() {
        return echoed;
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

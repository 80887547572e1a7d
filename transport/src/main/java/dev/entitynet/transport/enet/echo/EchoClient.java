package dev.entitynet.transport.enet.echo;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.host.EnetHost;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Runs the {@link EchoWorkload} against an echo server (Java or libenet) over an {@link EnetHost}
 * and checks every echo: bytes, channel, kind, reliable order per channel, sequenced order per
 * channel. Sends in bursts of 32 per service round; waits for all reliable echoes, then a short
 * settle time for unreliable stragglers, then ends the connection.
 */
public final class EchoClient implements EnetEventListener {
    private static final int THROTTLE_INTERVAL_MILLIS = 5000;
    private static final int THROTTLE_ACCELERATION = 2;

    /** How the run ends. */
    public enum Ending {
        /** This side disconnects gracefully and waits for the disconnect event. */
        GRACEFUL,
        /** This side sends a reliable "BYE" and waits for the server to disconnect it. */
        SERVER_DISCONNECTS
    }

    private static final int BURST = 32;
    private static final long SETTLE_MILLIS = 300;

    private final EnetHost host;
    private final int channels;
    private final int[] lastReliable;
    private final int[] lastSequenced;
    private int peer = -1;
    private boolean connected;
    private boolean disconnected;
    private int disconnectData;
    private int reliableEchoed;
    private int unreliableEchoed;
    private int corrupt;
    private boolean orderHeld = true;
    private int count;

    /** A client on {@code host} using {@code channels} ENet channels. */
    public EchoClient(EnetHost host, int channels) {
        this.host = host;
        this.channels = channels;
        this.lastReliable = new int[channels];
        this.lastSequenced = new int[channels];
    }

    /**
     * Connects to {@code server}, runs {@code count} packets and ends as {@code ending} says, giving
     * up after {@code timeoutMillis}.
     */
    public EchoReport run(InetSocketAddress server, int count, Ending ending, long timeoutMillis) {
        this.count = count;
        Arrays.fill(lastReliable, -1);
        Arrays.fill(lastSequenced, -1);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        peer = host.connect(server, channels, 4242);
        if (peer < 0) {
            throw new IllegalStateException("no free peer slot on the client host");
        }
        while (!connected && !disconnected && System.nanoTime() < deadline) {
            host.service(this, 10);
        }
        if (connected) {
            // The workload checks delivery, not congestion control: its large reliable packets inflate
            // the round-trip variance, and the packet throttle would shed unreliable packets over it.
            host.throttleConfigure(peer, THROTTLE_INTERVAL_MILLIS, THROTTLE_ACCELERATION, 0);
        }
        int reliableSent = 0;
        int unreliableSent = 0;
        BytesStore<?, Void> buffer = BytesStore.nativeStoreWithFixedCapacity(EchoWorkload.MAX_SIZE);
        try {
            int next = 0;
            long settleUntil = -1;
            while (connected && !disconnected && System.nanoTime() < deadline) {
                for (int burst = 0; burst < BURST && next < count; burst++) {
                    EchoWorkload.fill(next, buffer, 0);
                    SendResult result = host.send(peer, EchoWorkload.channel(next, channels), EchoWorkload.flags(next), buffer, 0,
                            EchoWorkload.size(next));
                    if (result == SendResult.BACK_PRESSURE) {
                        break;
                    }
                    if (EchoWorkload.isReliable(next)) {
                        reliableSent++;
                    } else {
                        unreliableSent++;
                    }
                    next++;
                }
                host.service(this, 1);
                if (next == count && reliableEchoed == reliableSent && settleUntil < 0) {
                    settleUntil = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
                }
                if (settleUntil >= 0 && System.nanoTime() >= settleUntil) {
                    break;
                }
            }
        } finally {
            buffer.releaseLast();
        }
        boolean disconnectDone = end(ending, deadline);
        return new EchoReport(reliableSent, reliableEchoed, unreliableSent, unreliableEchoed, orderHeld, corrupt, disconnectDone,
                disconnectData);
    }

    private boolean end(Ending ending, long deadline) {
        if (!connected || disconnected) {
            return false;
        }
        if (ending == Ending.GRACEFUL) {
            host.disconnect(peer, 5);
        } else {
            byte[] bye = {'B', 'Y', 'E'};
            host.send(peer, 0, EnetPacketFlags.RELIABLE, bye, 0, bye.length);
        }
        while (!disconnected && System.nanoTime() < deadline) {
            host.service(this, 10);
        }
        return disconnected;
    }

    @Override
    public void connected(int handle, long endpoint, int data) {
        if (handle == peer) {
            connected = true;
        }
    }

    @Override
    public void disconnected(int handle, long endpoint, int data) {
        if (handle == peer) {
            disconnected = true;
            disconnectData = data;
        }
    }

    @Override
    public void received(int handle, int channel, int flags, Bytes<?> payload) {
        int i = EchoWorkload.check(payload, payload.readPosition(), payload.readRemaining());
        if (i < 0 || i >= count || !EchoWorkload.flagsMatch(i, flags) || channel != EchoWorkload.channel(i, channels)) {
            corrupt++;
            return;
        }
        if (EchoWorkload.isReliable(i)) {
            if (i != nextReliable(lastReliable[channel], channel)) {
                orderHeld = false;
            }
            lastReliable[channel] = i;
            reliableEchoed++;
            return;
        }
        if (EchoWorkload.isSequenced(i)) {
            if (i <= lastSequenced[channel]) {
                orderHeld = false;
            }
            lastSequenced[channel] = i;
        }
        unreliableEchoed++;
    }

    private int nextReliable(int after, int channel) {
        int i = after + 1;
        while (i < count && !(EchoWorkload.isReliable(i) && EchoWorkload.channel(i, channels) == channel)) {
            i++;
        }
        return i;
    }
}

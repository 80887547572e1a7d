package dev.entitynet.examples.enetattack.session;

import dev.entitynet.examples.enetattack.Percentiles;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An honest client of an echo server on its own thread: every {@code interval} it sends one small
 * reliable packet carrying a probe number (retransmitted until acknowledged, as ENet does), and
 * records the round trip when the echo comes back. The attacks read its figures per time window.
 */
public final class EchoProbe implements Runnable {
    private final RawPeer peer;
    private final int channel;
    private final long intervalMillis;
    private final byte[] payload;
    private volatile boolean stopped;
    private volatile boolean disconnected;
    private volatile long lastEchoMillis = -1;
    private volatile long newestEchoedProbeMillis = -1;
    private long[] sentAt = new long[1024];
    private long[] roundTripMicros = new long[1024];
    private long[] sentNanos = new long[1024];
    private int probes;

    /**
     * A probe over an already connected {@code peer} (made with retransmission on).
     *
     * @param payloadBytes probe size, at least 8 (the probe number)
     */
    public EchoProbe(RawPeer peer, int channel, long intervalMillis, int payloadBytes) {
        if (payloadBytes < 8) {
            throw new IllegalArgumentException("probe payload must hold its 8-byte number, got " + payloadBytes);
        }
        this.peer = peer;
        this.channel = channel;
        this.intervalMillis = intervalMillis;
        this.payload = new byte[payloadBytes];
    }

    /** Starts the probe on a daemon thread named {@code name}. */
    public Thread start(String name) {
        Thread thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        SessionListener listener = new SessionListener() {
            @Override
            public void received(int command, int ch, ByteBuffer datagram, int payloadAt, int payloadLength) {
                if (command == Protocol.SEND_RELIABLE && payloadLength == payload.length) {
                    echoed(datagram.getLong(payloadAt));
                }
            }

            @Override
            public void disconnected() {
                disconnected = true;
            }
        };
        long next = MilliClock.millis();
        while (!stopped) {
            long now = MilliClock.millis();
            if (now >= next) {
                sendProbe(now);
                next += intervalMillis;
                if (next < now) {
                    next = now + intervalMillis; // fell behind (a starved thread): do not burst
                }
            }
            peer.poll(Math.max(1, Math.min(5, next - now)), listener);
        }
    }

    private void sendProbe(long now) {
        long number;
        synchronized (this) {
            if (probes == sentAt.length) {
                sentAt = Arrays.copyOf(sentAt, probes * 2);
                roundTripMicros = Arrays.copyOf(roundTripMicros, probes * 2);
                sentNanos = Arrays.copyOf(sentNanos, probes * 2);
            }
            number = probes;
            sentAt[probes] = now;
            sentNanos[probes] = System.nanoTime();
            roundTripMicros[probes] = -1;
            probes++;
        }
        ByteBuffer.wrap(payload).putLong(0, number);
        peer.sendReliable(channel, payload, 0, payload.length);
    }

    private void echoed(long number) {
        long nanos = System.nanoTime();
        synchronized (this) {
            if (number < 0 || number >= probes || roundTripMicros[(int) number] >= 0) {
                return; // not ours, or a duplicate
            }
            roundTripMicros[(int) number] = (nanos - sentNanos[(int) number]) / 1000;
            newestEchoedProbeMillis = Math.max(newestEchoedProbeMillis, sentAt[(int) number]);
        }
        lastEchoMillis = MilliClock.millis();
    }

    /** Stops the probe loop (the thread ends within a few ms). */
    public void stop() {
        stopped = true;
    }

    /** Whether the server disconnected the probe. */
    public boolean disconnected() {
        return disconnected;
    }

    /** Tool millis of the latest echo, -1 before the first. */
    public long lastEchoMillis() {
        return lastEchoMillis;
    }

    /** Tool millis at which the newest probe that has been echoed was sent, -1 before the first echo. */
    public long newestEchoedProbeMillis() {
        return newestEchoedProbeMillis;
    }

    /**
     * Figures for the probes sent in [{@code fromMillis}, {@code toMillis}) as they stand now. A
     * probe still unanswered counts with the time it has waited so far (a lower bound on its
     * round trip), so losses raise the percentiles instead of vanishing from them.
     */
    public synchronized Window window(long fromMillis, long toMillis) {
        long now = System.nanoTime();
        long[] rtts = new long[probes];
        int sent = 0;
        int echoed = 0;
        for (int i = 0; i < probes; i++) {
            if (sentAt[i] >= fromMillis && sentAt[i] < toMillis) {
                if (roundTripMicros[i] >= 0) {
                    echoed++;
                    rtts[sent++] = roundTripMicros[i];
                } else {
                    rtts[sent++] = (now - sentNanos[i]) / 1000;
                }
            }
        }
        return new Window(sent, echoed, Percentiles.of(Arrays.copyOf(rtts, sent)));
    }

    /**
     * What the probe saw in one time window.
     *
     * @param sent probes sent in the window
     * @param echoed those whose echo came back (so far)
     * @param roundTripMicros round trips of all of them, unanswered ones counted with their wait so far
     */
    public record Window(int sent, int echoed, Percentiles roundTripMicros) {
    }
}

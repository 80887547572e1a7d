package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.enetattack.session.EchoProbe;
import dev.entitynet.examples.enetattack.session.RawPeer;

/**
 * An honest client measuring echo round trips on its own thread while an attack runs: connects
 * (retransmitting as ENet does), then probes every {@code intervalMillis}. Close it to stop.
 */
final class HonestProbe implements AutoCloseable {
    private final RawPeer peer;
    private final EchoProbe probe;
    private final Thread thread;

    private HonestProbe(RawPeer peer, EchoProbe probe, Thread thread) {
        this.peer = peer;
        this.probe = probe;
        this.thread = thread;
    }

    /** Connects and starts probing; null when the connection did not succeed within {@code timeoutMillis}. */
    static HonestProbe start(Target target, long intervalMillis, long timeoutMillis) {
        RawPeer peer = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), true);
        if (peer.connect(timeoutMillis) < 0) {
            peer.close();
            return null;
        }
        EchoProbe probe = new EchoProbe(peer, 0, intervalMillis, 32);
        return new HonestProbe(peer, probe, probe.start("honest-probe"));
    }

    /** The probe's figures. */
    EchoProbe probe() {
        return probe;
    }

    /** Whether the session is still up: not disconnected and an echo arrived at or after {@code sinceMillis}. */
    boolean aliveSince(long sinceMillis) {
        return !probe.disconnected() && probe.lastEchoMillis() >= sinceMillis;
    }

    @Override
    public void close() throws InterruptedException {
        probe.stop();
        thread.join();
        peer.disconnect();
        peer.close();
    }
}

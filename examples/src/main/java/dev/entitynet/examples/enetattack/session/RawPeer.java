package dev.entitynet.examples.enetattack.session;

import dev.entitynet.examples.enetattack.net.Link;
import dev.entitynet.examples.enetattack.wire.AcknowledgeCommand;
import dev.entitynet.examples.enetattack.wire.CommandCursor;
import dev.entitynet.examples.enetattack.wire.ConnectCommand;
import dev.entitynet.examples.enetattack.wire.DisconnectCommand;
import dev.entitynet.examples.enetattack.wire.Header;
import dev.entitynet.examples.enetattack.wire.PingCommand;
import dev.entitynet.examples.enetattack.wire.SendReliableCommand;
import dev.entitynet.examples.enetattack.wire.SendUnsequencedCommand;
import dev.entitynet.examples.enetattack.wire.VerifyConnectCommand;
import dev.entitynet.transport.enet.protocol.Protocol;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;

/**
 * A client-side ENet session written by hand, so that an attack can take each step honestly or
 * forge it: send CONNECT, wait for VERIFY_CONNECT, acknowledge it echoing any sent time, then send
 * any command with correct or chosen sequence numbers. {@link #connect(long)} does the honest
 * handshake (libenet's: CONNECT retransmitted at 0.5, 1.5, 3.5 s; then ACK + PING) and counts the
 * peer connected once the server acknowledges that PING. Not thread-safe: one thread owns a peer.
 */
public final class RawPeer implements AutoCloseable {
    /** Whether the peer acknowledges the server's reliable commands. */
    public enum Acks {
        /** Acknowledge every reliable command the server sends (an honest client). */
        ALL,
        /** Acknowledge nothing after the handshake (a peer that makes the server hold and retry its data). */
        NONE
    }

    /** The MTU the tool announces and packs datagrams to (libenet 1.3.17's default). */
    public static final int MTU = 1400;
    private static final long FIRST_CONNECT_TIMEOUT_MILLIS = 500;
    private static final long PING_RETRY_MILLIS = 250;

    private final Link link;
    private final int channelCount;
    private final int connectId;
    private final Outbox outbox;
    private final ByteBuffer out = ByteBuffer.allocate(Protocol.MAXIMUM_DATAGRAM);
    private final ByteBuffer in = ByteBuffer.allocate(65536);
    private final CommandCursor cursor = new CommandCursor();
    private final int[] reliableSequence = new int[Protocol.MAXIMUM_CHANNEL_COUNT];
    private final BitSet acknowledgedSystem = new BitSet(65536);
    private int[] pendingAcks = new int[3 * 256];
    private int pendingAckCount;
    private int systemSequence;
    private int unsequencedGroup;
    private Acks acks = Acks.ALL;
    private VerifyConnectCommand verify;
    private int verifySequence;
    private int verifySentTime;
    private boolean handshakeAcknowledged;
    private boolean disconnected;

    private RawPeer(Link link, int channelCount, int connectId, boolean retransmit) {
        this.link = link;
        this.channelCount = channelCount;
        this.connectId = connectId;
        this.outbox = retransmit ? new Outbox() : null;
    }

    /**
     * A peer on a new socket bound to {@code local} towards {@code server}.
     *
     * @param channelCount channels asked for in CONNECT
     * @param connectId the CONNECT token (from the attack's seeded random)
     * @param retransmit whether reliable data sent through {@link #sendReliable} is retransmitted
     *     until acknowledged (an honest client), or sent once (an attacker)
     */
    public static RawPeer open(InetSocketAddress local, InetSocketAddress server, int channelCount, int connectId, boolean retransmit) {
        return new RawPeer(Link.open(local, server, 4 * 1024 * 1024), channelCount, connectId, retransmit);
    }

    /** Sets whether the server's reliable commands are acknowledged from now on. */
    public void acks(Acks value) {
        this.acks = value;
    }

    /**
     * The honest handshake: CONNECT (retransmitted as libenet does), VERIFY_CONNECT, ACK + PING,
     * then waits for the PING's acknowledgement (resending the PING every 250 ms).
     *
     * @return milliseconds from the first CONNECT until the PING was acknowledged, or -1 when
     *     that did not happen within {@code timeoutMillis}
     */
    public long connect(long timeoutMillis) {
        long start = MilliClock.millis();
        long deadline = start + timeoutMillis;
        sendConnect();
        if (!awaitVerify(deadline, true)) {
            return -1;
        }
        int ping = acknowledgeVerify(verifySentTime, true);
        return awaitSystemAck(ping, deadline, true) ? MilliClock.millis() - start : -1;
    }

    /** Sends CONNECT (system sequence 1) in a datagram addressed to no peer. */
    public void sendConnect() {
        systemSequence = 1;
        out.clear();
        Header.write(out, Protocol.MAXIMUM_PEER_ID, 0, MilliClock.sentTime());
        ConnectCommand.fresh(0, channelCount, connectId).write(out, 1);
        send();
    }

    /**
     * Reads the server's datagrams until VERIFY_CONNECT with our connect id arrives or
     * {@code deadline} (tool millis) passes; with {@code retransmit}, CONNECT is resent at 0.5, 1.5,
     * 3.5, ... s as libenet does.
     */
    public boolean awaitVerify(long deadline, boolean retransmit) {
        long timeout = FIRST_CONNECT_TIMEOUT_MILLIS;
        long resendAt = MilliClock.millis() + timeout;
        while (verify == null) {
            long now = MilliClock.millis();
            if (now >= deadline) {
                return false;
            }
            if (retransmit && now >= resendAt) {
                sendConnect();
                timeout *= 2;
                resendAt = now + timeout;
            }
            poll(Math.max(1, Math.min(deadline, retransmit ? resendAt : deadline) - now), SessionListener.NONE);
        }
        return true;
    }

    /**
     * Acknowledges VERIFY_CONNECT echoing {@code echoedSentTime} (the true value is
     * {@link #verifySentTime()}; anything else is a forgery), optionally with a PING in the same
     * datagram as libenet sends it.
     *
     * @return the PING's system sequence number, or -1 without one
     */
    public int acknowledgeVerify(int echoedSentTime, boolean withPing) {
        begin(true);
        new AcknowledgeCommand(Protocol.SYSTEM_CHANNEL, verifySequence, echoedSentTime).write(out);
        int ping = -1;
        if (withPing) {
            ping = nextSystemSequence();
            PingCommand.write(out, ping);
        }
        send();
        handshakeAcknowledged = true;
        return ping;
    }

    /**
     * Reads the server's datagrams until it acknowledges system command {@code sequence} or
     * {@code deadline} passes; with {@code resendPing}, {@code sequence} is a PING resent every 250 ms.
     */
    public boolean awaitSystemAck(int sequence, long deadline, boolean resendPing) {
        long resendAt = MilliClock.millis() + PING_RETRY_MILLIS;
        while (!acknowledgedSystem.get(sequence)) {
            long now = MilliClock.millis();
            if (now >= deadline || disconnected) {
                return false;
            }
            if (resendPing && now >= resendAt) {
                begin(true);
                PingCommand.write(out, sequence);
                send();
                resendAt = now + PING_RETRY_MILLIS;
            }
            poll(Math.max(1, Math.min(deadline, resendAt) - now), SessionListener.NONE);
        }
        return true;
    }

    /** Sends a PING on its own and returns its system sequence number. */
    public int ping() {
        begin(true);
        int sequence = nextSystemSequence();
        PingCommand.write(out, sequence);
        send();
        return sequence;
    }

    /**
     * Sends one reliable packet on {@code channel} with the next sequence number (remembered for
     * retransmission when this is an honest peer).
     *
     * @return the sequence number used
     */
    public int sendReliable(int channel, byte[] payload, int offset, int length) {
        begin(true);
        int sequence = nextSequence(channel);
        int at = out.position();
        SendReliableCommand.write(out, channel, sequence, payload, offset, length);
        if (outbox != null) {
            byte[] command = new byte[out.position() - at];
            out.get(at, command);
            outbox.sent(channel, sequence, command, MilliClock.millis());
        }
        send();
        return sequence;
    }

    /** Sends one unsequenced (unreliable, unordered) packet on {@code channel}. */
    public void sendUnsequenced(int channel, byte[] payload, int offset, int length) {
        begin(false);
        unsequencedGroup = (unsequencedGroup + 1) & 0xFFFF;
        SendUnsequencedCommand.write(out, channel, unsequencedGroup, payload, offset, length);
        send();
    }

    /**
     * Starts a datagram to the server in this peer's buffer: the header with our peer id and
     * session, and a sent time when {@code timed} (needed when any command asks for an
     * acknowledgement). Append commands to the returned buffer, then call {@link #send()}.
     */
    public ByteBuffer begin(boolean timed) {
        out.clear();
        Header.write(out, verify.outgoingPeerId(), verify.outgoingSession(), timed ? MilliClock.sentTime() : Header.NO_SENT_TIME);
        return out;
    }

    /** Sends the datagram built in {@link #begin}'s buffer. */
    public void send() {
        out.flip();
        link.send(out);
    }

    /** Takes the next reliable sequence number of {@code channel} (wrapping at 65536). */
    public int nextSequence(int channel) {
        reliableSequence[channel] = (reliableSequence[channel] + 1) & 0xFFFF;
        return reliableSequence[channel];
    }

    /** Takes the next system-channel sequence number. */
    public int nextSystemSequence() {
        systemSequence = (systemSequence + 1) & 0xFFFF;
        return systemSequence;
    }

    /** Sends an unreliable DISCONNECT: the server frees the slot at once. */
    public void disconnect() {
        if (verify == null) {
            return;
        }
        begin(false);
        DisconnectCommand.write(out, nextSystemSequence(), 0, false);
        send();
    }

    /**
     * Reads what the server sent, waiting up to {@code millis} for the first datagram (0: no
     * wait); acknowledges reliable commands (unless {@link Acks#NONE}) and retransmits due
     * reliable data.
     *
     * @return datagrams read
     */
    public int poll(long millis, SessionListener listener) {
        int read = 0;
        if (millis <= 0 || link.await(millis)) {
            while (read < 256 && link.receiveNow(in) >= 0) {
                handle(listener);
                read++;
            }
        }
        flushAcks();
        retransmit();
        return read;
    }

    private void handle(SessionListener listener) {
        Header header = Header.read(in);
        if (header == null) {
            return;
        }
        listener.datagram(in.limit());
        cursor.reset(in, header);
        while (cursor.next()) {
            int number = cursor.number();
            switch (number) {
                case Protocol.ACKNOWLEDGE -> {
                    AcknowledgeCommand ack = AcknowledgeCommand.read(in, cursor.at());
                    if (ack.channel() == Protocol.SYSTEM_CHANNEL) {
                        acknowledgedSystem.set(ack.sequence());
                    }
                    if (outbox != null) {
                        outbox.acknowledged(ack.channel(), ack.sequence());
                    }
                    listener.acknowledged(ack.channel(), ack.sequence());
                }
                case Protocol.VERIFY_CONNECT -> {
                    VerifyConnectCommand v = VerifyConnectCommand.read(in, cursor.at());
                    if (v.connectId() == connectId && header.sentTime() != Header.NO_SENT_TIME) {
                        if (verify == null) {
                            verify = v;
                            verifySequence = cursor.sequence();
                        }
                        verifySentTime = header.sentTime();
                        if (handshakeAcknowledged && acks == Acks.ALL) {
                            queueAck(cursor.channel(), cursor.sequence(), header.sentTime());
                        }
                    }
                    continue;
                }
                case Protocol.DISCONNECT -> {
                    disconnected = true;
                    listener.disconnected();
                }
                default -> {
                    if (cursor.isData()) {
                        listener.received(number, cursor.channel(), in, cursor.payloadAt(), cursor.payloadLength());
                    }
                }
            }
            if (cursor.acknowledgeRequested() && acks == Acks.ALL && header.sentTime() != Header.NO_SENT_TIME && verify != null) {
                queueAck(cursor.channel(), cursor.sequence(), header.sentTime());
            }
        }
    }

    private void queueAck(int channel, int sequence, int sentTime) {
        if (pendingAckCount * 3 == pendingAcks.length) {
            pendingAcks = java.util.Arrays.copyOf(pendingAcks, pendingAcks.length * 2);
        }
        int at = pendingAckCount++ * 3;
        pendingAcks[at] = channel;
        pendingAcks[at + 1] = sequence;
        pendingAcks[at + 2] = sentTime;
    }

    private void flushAcks() {
        int i = 0;
        while (i < pendingAckCount) {
            begin(false);
            while (i < pendingAckCount && out.remaining() >= AcknowledgeCommand.SIZE && out.position() + AcknowledgeCommand.SIZE <= MTU) {
                new AcknowledgeCommand(pendingAcks[i * 3], pendingAcks[i * 3 + 1], pendingAcks[i * 3 + 2]).write(out);
                i++;
            }
            send();
        }
        pendingAckCount = 0;
    }

    private void retransmit() {
        if (outbox == null || outbox.size() == 0 || verify == null) {
            return;
        }
        List<byte[]> due = outbox.due(MilliClock.millis());
        int i = 0;
        while (i < due.size()) {
            begin(true);
            while (i < due.size() && out.position() + due.get(i).length <= MTU) {
                out.put(due.get(i++));
            }
            if (out.position() == Protocol.HEADER_SIZE) {
                out.put(due.get(i++)); // one command larger than the MTU budget goes on its own
            }
            send();
        }
    }

    /** The server's VERIFY_CONNECT, or null before it arrived. */
    public VerifyConnectCommand verify() {
        return verify;
    }

    /** The sent time of the latest datagram that carried VERIFY_CONNECT (what an honest ACK echoes). */
    public int verifySentTime() {
        return verifySentTime;
    }

    /** Whether the server acknowledged system command {@code sequence}. */
    public boolean systemAcknowledged(int sequence) {
        return acknowledgedSystem.get(sequence);
    }

    /** Whether the server sent DISCONNECT. */
    public boolean disconnected() {
        return disconnected;
    }

    /** Reliable data sent and not acknowledged yet (honest peers only; 0 otherwise). */
    public int unacknowledged() {
        return outbox == null ? 0 : outbox.size();
    }

    /** The socket, with its byte and datagram counters. */
    public Link link() {
        return link;
    }

    /** Channels asked for in CONNECT. */
    public int channelCount() {
        return channelCount;
    }

    @Override
    public void close() {
        link.close();
    }
}

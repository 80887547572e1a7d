package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The server side of the handshake, built so that an address must prove it receives before it
 * gets a peer slot or any stream of data, and so that nothing we send to an unproven address is
 * larger than what came from it (no reflection, no amplification).
 *
 * <p>A CONNECT gets a small record in the {@link HalfOpenTable} and exactly one VERIFY_CONNECT no
 * larger than the CONNECT. That VERIFY_CONNECT carries a 32-bit nonce where a stock ENet client
 * echoes it back: as its reliable sequence number (the client's ACK names it) and as its
 * datagram's sent time (the ACK echoes it). It also carries a random wire peer id and random
 * session ids, which the client puts in every header. Only an ACK that echoes all of these, from
 * the same address, turns the record into a connected peer; a blind spoofer has to guess about
 * 46 bits and is cut off after a few wrong guesses. Nothing is retransmitted to an unproven
 * address: a client whose VERIFY_CONNECT was lost retransmits its CONNECT, and a client whose ACK
 * was lost keeps sending, and each datagram from it earns a new VERIFY_CONNECT within its byte
 * credit.
 */
final class ServerHandshake {
    /** Wrong echoes a record survives; a blind spoofer gets this many guesses per CONNECT. */
    static final int MAX_BAD_ECHOES = 4;
    private static final int VERIFY_SIZE = Protocol.commandSize(Protocol.VERIFY_CONNECT);
    private static final int ACK_SIZE = Protocol.commandSize(Protocol.ACKNOWLEDGE);

    private final Host host;
    private final HalfOpenTable table;
    private final byte[] out = new byte[Protocol.HEADER_SIZE + Protocol.CHECKSUM_SIZE + VERIFY_SIZE];
    private final BytesStore<?, byte[]> outStore = BytesStore.wrap(out);
    private final Checksum checksum = new Checksum();

    ServerHandshake(Host host) {
        this.host = host;
        this.table = new HalfOpenTable(host.config.maxHalfOpenConnections(), host.tableSeed(0x68616c662d6f7065L));
    }

    int halfOpen() {
        return table.live(host.now);
    }

    /** The connect id of record {@code r}'s client (the checksum of its datagrams covers it). */
    int connectIdOf(int r) {
        return table.connectId[r];
    }

    /**
     * A CONNECT command at {@code at} of {@code datagram} (the whole datagram is {@code datagramLength}
     * bytes) from {@code source}, which no connected peer has sent before.
     */
    void onConnect(long source, byte[] datagram, int at, int datagramLength) {
        long now = host.now;
        int connectId = Wire.i32(datagram, at + HandshakeFields.CONNECT_ID);
        // lapsed records are the oldest ones
        for (int r = table.oldest(); r >= 0 && !table.isLive(r, now); r = table.oldest()) {
            release(r);
        }
        int known = table.find(source, connectId);
        if (known >= 0) {
            host.stats.countDrop(DropReason.CONNECT_RETRANSMISSION);
            table.credit[known] += datagramLength;
            sendVerify(known);
            return;
        }
        if (table.fromAddress(Host.addressOf(source)) >= host.config.maxHalfOpenPerAddress()) {
            host.stats.countDrop(DropReason.CONNECT_ADDRESS_LIMIT);
            return;
        }
        if (table.isFull()) {
            release(table.oldest());
            host.stats.countDrop(DropReason.HALF_OPEN_EVICTED);
        }
        int wireId = host.unusedWireId();
        if (wireId < 0) {
            // every wire id is taken by peers and handshakes: the oldest handshake gives its id up
            if (table.oldest() < 0) {
                host.stats.countDrop(DropReason.CONNECT_HALF_OPEN_LIMIT);
                return;
            }
            release(table.oldest());
            host.stats.countDrop(DropReason.HALF_OPEN_EVICTED);
            wireId = host.unusedWireId();
        }
        int record = table.occupy(source, connectId, now);
        open(record, wireId, datagram, at, datagramLength);
        sendVerify(record);
    }

    private void open(int r, int wireId, byte[] datagram, int at, int datagramLength) {
        long random = host.randomBits();
        table.wireId[r] = wireId;
        table.nonce[r] = (int) random;
        table.sessionToClient[r] = newSession(Wire.u8(datagram, at + HandshakeFields.INCOMING_SESSION), (int) (random >>> 32));
        table.sessionFromClient[r] = newSession(Wire.u8(datagram, at + HandshakeFields.OUTGOING_SESSION), (int) (random >>> 40));
        table.credit[r] = datagramLength;
        table.badEchoes[r] = 0;
        System.arraycopy(datagram, at, table.connect, HalfOpenTable.connectAt(r), HalfOpenTable.CONNECT_SIZE);
        host.bindWireToHandshake(wireId, r);
    }

    /** A random session id that differs from the one the client last used with us (as libenet's rule intends). */
    private static int newSession(int requested, int random) {
        int session = random & 3;
        return session == requested ? (session + 1) & 3 : session;
    }

    /**
     * A datagram addressed to record {@code r}'s wire id; {@code position} is its first command.
     *
     * @return the newly connected peer when the datagram's first command is the ACK that echoes the
     *     nonce (the caller goes on with the commands after it), else null
     */
    Peer onDatagram(int r, long source, int session, byte[] datagram, int position, int length) {
        if (!table.isLive(r, host.now)) {
            release(r);
            host.stats.countDrop(DropReason.PEER_NOT_ACTIVE);
            return null;
        }
        if (table.endpoint[r] != source) {
            host.stats.countDrop(DropReason.ADDRESS_MISMATCH);
            return null;
        }
        if (session != table.sessionFromClient[r]) {
            host.stats.countDrop(DropReason.SESSION_MISMATCH);
            return null;
        }
        table.credit[r] += length;
        boolean ack = position + ACK_SIZE <= length
                && (datagram[position] & Protocol.COMMAND_MASK) == Protocol.ACKNOWLEDGE;
        if (ack && HalfOpenTable.echoes(table.nonce[r], Wire.u8(datagram, position + 1),
                Wire.u16(datagram, position + 4), Wire.u16(datagram, position + 6))) {
            return promote(r);
        }
        if (ack) {
            host.stats.countDrop(DropReason.BAD_HANDSHAKE_ECHO);
            if (++table.badEchoes[r] > MAX_BAD_ECHOES) {
                release(r);
            }
            return null;
        }
        // the client thinks it is connected: its ACK was lost; answer within what it sent
        host.stats.countDrop(DropReason.WRONG_STATE);
        sendVerify(r);
        return null;
    }

    /** The address is proven: the record becomes a connected peer in the lowest free slot. */
    private Peer promote(int r) {
        Peer peer = host.lowestFreeSlot();
        if (peer == null) {
            host.stats.countDrop(DropReason.CONNECT_NO_FREE_SLOT);
            refuse(r);
            return null;
        }
        EnetConfig config = host.config;
        if (config.maxPeersPerAddress() < EnetConfig.MAX_PEERS
                && host.peersFromAddress(Host.addressOf(table.endpoint[r])) >= config.maxPeersPerAddress()) {
            host.stats.countDrop(DropReason.PEERS_PER_ADDRESS_LIMIT);
            refuse(r);
            return null;
        }
        byte[] c = table.connect;
        int at = HalfOpenTable.connectAt(r);
        peer.openChannels(channels(r));
        peer.connectId = table.connectId[r];
        peer.endpoint = table.endpoint[r];
        peer.outgoingPeerId = Wire.u16(c, at + HandshakeFields.PEER_ID) & Protocol.HEADER_PEER_ID_MASK;
        peer.incomingBandwidth = Wire.u32(c, at + HandshakeFields.INCOMING_BANDWIDTH);
        peer.outgoingBandwidth = Wire.u32(c, at + HandshakeFields.OUTGOING_BANDWIDTH);
        peer.packetThrottleInterval = Wire.u32(c, at + HandshakeFields.THROTTLE_INTERVAL);
        peer.packetThrottleAcceleration = Wire.u32(c, at + HandshakeFields.THROTTLE_ACCELERATION);
        peer.packetThrottleDeceleration = Wire.u32(c, at + HandshakeFields.THROTTLE_DECELERATION);
        peer.outgoingSessionId = table.sessionToClient[r];
        peer.incomingSessionId = table.sessionFromClient[r];
        peer.mtu = mtu(r);
        peer.windowSize = Protocol.windowFor(config.outgoingBandwidth(), peer.incomingBandwidth);
        // the VERIFY_CONNECT used the nonce's sequence number: our next system command follows it
        peer.outgoingReliableSequence = HalfOpenTable.verifySequence(table.nonce[r]);
        int wireId = table.wireId[r];
        int eventData = Wire.i32(c, at + HandshakeFields.DATA);
        long verifySentAt = table.verifySentAt[r];
        table.free(r);
        host.bindWireToPeer(wireId, peer);
        // the echoed sent time is our nonce, not a time: the first round trip comes from our own clock
        peer.sampleRoundTrip((int) Math.max(1, Math.min(host.now - verifySentAt, Peer.MAX_ROUND_TRIP_SAMPLE)), host.now);
        host.notifyConnect(peer, eventData);
        return peer;
    }

    private int channels(int r) {
        long requested = Wire.u32(table.connect, HalfOpenTable.connectAt(r) + HandshakeFields.CHANNELS);
        return (int) Math.min(requested, host.config.channelLimit());
    }

    /** 1.3.18's rule (min with our MTU) so we never send datagrams above our own MTU. */
    private int mtu(int r) {
        return Math.min(host.config.mtu(), Protocol.clampMtu(Wire.u32(table.connect, HalfOpenTable.connectAt(r) + HandshakeFields.MTU)));
    }

    /** Sends (again) the record's VERIFY_CONNECT if the address has sent at least as many bytes. */
    private void sendVerify(int r) {
        boolean checksummed = host.config.checksum();
        int length = Protocol.HEADER_SIZE + (checksummed ? Protocol.CHECKSUM_SIZE : 0) + VERIFY_SIZE;
        if (table.credit[r] < length) {
            host.stats.countDrop(DropReason.REPLY_CREDIT);
            return;
        }
        byte[] c = table.connect;
        int at = HalfOpenTable.connectAt(r);
        int clientPeerId = Wire.u16(c, at + HandshakeFields.PEER_ID) & Protocol.HEADER_PEER_ID_MASK;
        int nonce = table.nonce[r];
        Wire.put16(out, 0, clientPeerId | Protocol.HEADER_FLAG_SENT_TIME | table.sessionToClient[r] << Protocol.HEADER_SESSION_SHIFT);
        Wire.put16(out, 2, HalfOpenTable.verifySentTime(nonce));
        int command = Protocol.HEADER_SIZE + (checksummed ? Protocol.CHECKSUM_SIZE : 0);
        out[command] = (byte) (Protocol.VERIFY_CONNECT | Protocol.FLAG_ACKNOWLEDGE);
        out[command + 1] = (byte) Protocol.SYSTEM_CHANNEL;
        Wire.put16(out, command + 2, HalfOpenTable.verifySequence(nonce));
        long offered = Protocol.windowFor(host.config.incomingBandwidth());
        HandshakeFields.write(out, command, table.wireId[r], table.sessionToClient[r], table.sessionFromClient[r], mtu(r),
                Protocol.clampWindow(Math.min(offered, Wire.u32(c, at + HandshakeFields.WINDOW))), channels(r),
                host.config.incomingBandwidth(), host.config.outgoingBandwidth(),
                Wire.u32(c, at + HandshakeFields.THROTTLE_INTERVAL), Wire.u32(c, at + HandshakeFields.THROTTLE_ACCELERATION),
                Wire.u32(c, at + HandshakeFields.THROTTLE_DECELERATION), table.connectId[r]);
        if (checksummed) {
            checksum.seal(out, 0, length, Protocol.HEADER_SIZE, table.connectId[r]);
        }
        table.credit[r] -= length;
        table.verifySentAt[r] = host.now;
        host.sendNow(table.endpoint[r], outStore, length);
    }

    /** Tells a proven client that there is no room after all (one unsequenced DISCONNECT, smaller than its ACK). */
    private void refuse(int r) {
        boolean checksummed = host.config.checksum();
        int command = Protocol.SHORT_HEADER_SIZE + (checksummed ? Protocol.CHECKSUM_SIZE : 0);
        int length = command + Protocol.commandSize(Protocol.DISCONNECT);
        int clientPeerId = Wire.u16(table.connect, HalfOpenTable.connectAt(r) + HandshakeFields.PEER_ID) & Protocol.HEADER_PEER_ID_MASK;
        Wire.put16(out, 0, clientPeerId | table.sessionToClient[r] << Protocol.HEADER_SESSION_SHIFT);
        out[command] = (byte) (Protocol.DISCONNECT | Protocol.FLAG_UNSEQUENCED);
        out[command + 1] = (byte) Protocol.SYSTEM_CHANNEL;
        Wire.put16(out, command + 2, 0);
        Wire.put32(out, command + 4, 0);
        if (checksummed) {
            checksum.seal(out, 0, length, Protocol.SHORT_HEADER_SIZE, table.connectId[r]);
        }
        host.sendNow(table.endpoint[r], outStore, length);
        release(r);
    }

    private void release(int r) {
        host.unbindWire(table.wireId[r]);
        table.free(r);
    }
}

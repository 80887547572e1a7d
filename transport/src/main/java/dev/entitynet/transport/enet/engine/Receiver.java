package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Validates one datagram and runs its commands (libenet's protocol_handle_incoming_commands): the
 * header checks, the control commands (handshake, ACK, DISCONNECT, PING, BANDWIDTH_LIMIT,
 * THROTTLE_CONFIGURE) and queueing of acknowledgements. Data commands go to {@link DataReceiver}.
 * Anything malformed stops the datagram and is counted; nothing is ever sent back for it.
 */
final class Receiver {
    private final Host host;
    private final DataReceiver data;
    /** The datagram being handled, copied so fields can be read (and the checksum patched) in place. */
    private final byte[] buffer = new byte[Protocol.MAXIMUM_DATAGRAM];
    private final Checksum checksum = new Checksum();
    private long source;
    private int sentTime;

    Receiver(Host host) {
        this.host = host;
        this.data = new DataReceiver(host, buffer);
    }

    void receive(long endpoint, BytesStore<?, ?> src, long offset, int length) {
        host.stats.countReceived(Math.max(length, 0));
        if (length > Protocol.MAXIMUM_DATAGRAM) {
            drop(DropReason.DATAGRAM_TOO_LONG);
            return;
        }
        if (length < Protocol.SHORT_HEADER_SIZE) {
            drop(DropReason.DATAGRAM_TOO_SHORT);
            return;
        }
        src.read(offset, buffer, 0, length);
        source = endpoint;
        int word = Wire.u16(buffer, 0);
        boolean hasSentTime = (word & Protocol.HEADER_FLAG_SENT_TIME) != 0;
        int session = (word & Protocol.HEADER_SESSION_MASK) >>> Protocol.HEADER_SESSION_SHIFT;
        int peerId = word & Protocol.HEADER_PEER_ID_MASK;
        int headerSize = hasSentTime ? Protocol.HEADER_SIZE : Protocol.SHORT_HEADER_SIZE;
        int checksumAt = headerSize;
        if (host.config.checksum()) {
            headerSize += Protocol.CHECKSUM_SIZE;
        }
        if (length < headerSize) {
            drop(DropReason.DATAGRAM_TOO_SHORT);
            return;
        }
        if ((word & Protocol.HEADER_FLAG_COMPRESSED) != 0) {
            drop(DropReason.COMPRESSED);
            return;
        }
        sentTime = hasSentTime ? Wire.u16(buffer, 2) : -1;
        Peer peer = null;
        if (peerId != Protocol.MAXIMUM_PEER_ID) {
            int owner = host.wireOwner(peerId);
            if (owner == 0) {
                drop(DropReason.UNKNOWN_PEER);
                return;
            }
            if (owner < 0) {
                receiveForHandshake(-owner - 1, session, headerSize, checksumAt, length);
                return;
            }
            peer = host.peers[owner - 1];
            if (peer.state == PeerState.DISCONNECTED || peer.state == PeerState.ZOMBIE) {
                drop(DropReason.PEER_NOT_ACTIVE);
                return;
            }
            if (peer.endpoint != endpoint) {
                drop(DropReason.ADDRESS_MISMATCH);
                return;
            }
            if (peer.outgoingPeerId < Protocol.MAXIMUM_PEER_ID && session != peer.incomingSessionId) {
                drop(DropReason.SESSION_MISMATCH);
                return;
            }
            if (!peer.incomingRate.admit(length, host.now)) {
                drop(DropReason.RATE_LIMITED);
                return;
            }
            // whatever the datagram does to the peer (acks to send, timers moved), the next pass looks
            host.touch(peer);
        }
        if (host.config.checksum() && !checksum.matches(buffer, length, checksumAt, peer != null ? peer.connectId : 0)) {
            drop(DropReason.CHECKSUM_MISMATCH);
            return;
        }
        handleCommands(peer, headerSize, length);
    }

    /** A datagram to a handshake in progress: only the ACK that echoes the nonce gets further. */
    private void receiveForHandshake(int record, int session, int headerSize, int checksumAt, int length) {
        if (host.config.checksum() && !checksum.matches(buffer, length, checksumAt, host.handshake.connectIdOf(record))) {
            drop(DropReason.CHECKSUM_MISMATCH);
            return;
        }
        Peer peer = host.handshake.onDatagram(record, source, session, buffer, headerSize, length);
        if (peer != null) {
            handleCommands(peer, headerSize + Protocol.commandSize(Protocol.ACKNOWLEDGE), length);
        }
    }

    private void handleCommands(Peer peer, int position, int length) {
        data.begin(length);
        while (position < length) {
            if (peer != null && !peer.incomingRate.admitCommand()) {
                drop(DropReason.RATE_LIMITED);
                return;
            }
            if (position + Protocol.COMMAND_HEADER_SIZE > length) {
                drop(DropReason.MALFORMED_COMMAND);
                return;
            }
            int commandByte = buffer[position] & 0xFF;
            int number = commandByte & Protocol.COMMAND_MASK;
            if (!Protocol.isValidCommand(number) || position + Protocol.commandSize(number) > length) {
                drop(DropReason.MALFORMED_COMMAND);
                return;
            }
            int at = position;
            int end = at + Protocol.commandSize(number);
            if (peer == null && number != Protocol.CONNECT) {
                drop(DropReason.UNEXPECTED_COMMAND);
                return;
            }
            int next;
            switch (number) {
                case Protocol.ACKNOWLEDGE -> next = handleAcknowledge(peer, at, end);
                case Protocol.CONNECT -> {
                    if (peer != null) {
                        drop(DropReason.UNEXPECTED_COMMAND);
                    } else {
                        handleConnect(at, end, length);
                    }
                    // nothing after a CONNECT counts: the address is not proven yet
                    return;
                }
                case Protocol.VERIFY_CONNECT -> next = handleVerifyConnect(peer, at, end);
                case Protocol.DISCONNECT -> next = handleDisconnect(peer, commandByte, at, end);
                case Protocol.PING -> next = requireDataState(peer) ? end : -1;
                case Protocol.BANDWIDTH_LIMIT -> next = handleBandwidthLimit(peer, at, end);
                case Protocol.THROTTLE_CONFIGURE -> next = handleThrottleConfigure(peer, at, end);
                case Protocol.SEND_RELIABLE -> next = data.sendReliable(peer, at, end);
                case Protocol.SEND_UNRELIABLE -> next = data.sendUnreliable(peer, at, end);
                case Protocol.SEND_UNSEQUENCED -> next = data.sendUnsequenced(peer, at, end);
                case Protocol.SEND_FRAGMENT -> next = data.sendFragment(peer, at, end);
                default -> next = data.sendUnreliableFragment(peer, at, end);
            }
            if (next < 0) {
                return;
            }
            position = next & DataReceiver.POSITION_MASK;
            if ((commandByte & Protocol.FLAG_ACKNOWLEDGE) != 0 && next == position) {
                if (sentTime < 0) {
                    // libenet acks only with an echo time to give; it drops the rest of such a datagram
                    return;
                }
                queueAcknowledgement(peer, number, buffer[at + 1] & 0xFF, Wire.u16(buffer, at + 2), sentTime);
            }
        }
    }

    /** libenet's enet_peer_queue_acknowledgement, with its "not too far ahead" filter. */
    private void queueAcknowledgement(Peer peer, int number, int channelId, int sequence, int sentTime) {
        switch (peer.state) {
            case PeerState.DISCONNECTING, PeerState.DISCONNECTED, PeerState.ZOMBIE -> {
                return;
            }
            case PeerState.ACKNOWLEDGING_DISCONNECT -> {
                if (number != Protocol.DISCONNECT) {
                    return;
                }
            }
            default -> {
            }
        }
        if (channelId < peer.channelCount) {
            int incoming = peer.channels[channelId].incomingReliableSequence;
            int window = Protocol.relativeWindow(sequence, incoming);
            int current = incoming / Protocol.RELIABLE_WINDOW_SIZE;
            if (window >= current + Protocol.FREE_RELIABLE_WINDOWS - 1 && window <= current + Protocol.FREE_RELIABLE_WINDOWS) {
                return;
            }
        }
        if (peer.acknowledgements.size() >= Peer.MAX_QUEUED_ACKS) {
            drop(DropReason.ACK_QUEUE_FULL);
            return;
        }
        peer.acknowledgements.enqueue(Peer.packAck(channelId, sequence, sentTime, number == Protocol.DISCONNECT));
        peer.outgoingDataTotal += 8;
    }

    private int handleAcknowledge(Peer peer, int at, int end) {
        long now = host.now;
        long echoed = (now & ~0xFFFFL) | Wire.u16(buffer, at + 6);
        if ((echoed & 0x8000) > (now & 0x8000)) {
            echoed -= 0x10000;
        }
        if (now < echoed) {
            // an echo from the future: ignored, the command stays unacknowledged
            drop(DropReason.BAD_ACKNOWLEDGEMENT);
            return end;
        }
        OutgoingCommand acknowledged = host.findReliable(peer, Wire.u16(buffer, at + 4), buffer[at + 1] & 0xFF);
        int number = 0;
        if (acknowledged != null) {
            // only an ACK of something we sent is a sign of life; its echo cannot predate our first
            // transmission of that command, so a forged old echo cannot stretch the timeouts
            long roundTrip = Math.min(now - echoed, now - acknowledged.firstSentTime);
            peer.sampleRoundTrip((int) Math.max(1, Math.min(roundTrip, Peer.MAX_ROUND_TRIP_SAMPLE)), now);
            number = host.acknowledge(peer, acknowledged);
        }
        switch (peer.state) {
            case PeerState.DISCONNECTING -> {
                if (number != Protocol.DISCONNECT) {
                    drop(DropReason.BAD_ACKNOWLEDGEMENT);
                    return -1;
                }
                host.notifyDisconnect(peer);
            }
            case PeerState.DISCONNECT_LATER -> {
                if (peer.outgoingIdle()) {
                    host.gracefulDisconnect(peer, peer.eventData);
                }
            }
            default -> {
            }
        }
        return end;
    }

    /**
     * Server side of the handshake: a CONNECT from an address no connected peer uses with that
     * connect id goes to {@link ServerHandshake}, which holds no slot until the address is proven.
     */
    private void handleConnect(int at, int end, int length) {
        if (end < length) {
            drop(DropReason.COMMANDS_AFTER_CONNECT);
        }
        long channelCount = Wire.u32(buffer, at + HandshakeFields.CHANNELS);
        if (channelCount < Protocol.MINIMUM_CHANNEL_COUNT || channelCount > Protocol.MAXIMUM_CHANNEL_COUNT) {
            drop(DropReason.CONNECT_BAD_CHANNEL_COUNT);
            return;
        }
        int connectId = Wire.i32(buffer, at + HandshakeFields.CONNECT_ID);
        if (host.hasConnection(source, connectId)) {
            drop(DropReason.CONNECT_RETRANSMISSION);
            return;
        }
        if (!host.hasFreeSlot()) {
            drop(DropReason.CONNECT_NO_FREE_SLOT);
            return;
        }
        host.handshake.onConnect(source, buffer, at, length);
    }

    /** Client side of the handshake: checks VERIFY_CONNECT against our CONNECT and completes. */
    private int handleVerifyConnect(Peer peer, int at, int end) {
        if (peer.state != PeerState.CONNECTING) {
            return end;
        }
        long channelCount = Wire.u32(buffer, at + 16);
        if (channelCount < Protocol.MINIMUM_CHANNEL_COUNT || channelCount > Protocol.MAXIMUM_CHANNEL_COUNT
                || Wire.u32(buffer, at + 28) != peer.packetThrottleInterval
                || Wire.u32(buffer, at + 32) != peer.packetThrottleAcceleration
                || Wire.u32(buffer, at + 36) != peer.packetThrottleDeceleration
                || Wire.i32(buffer, at + 40) != peer.connectId) {
            drop(DropReason.BAD_VERIFY_CONNECT);
            host.zombie(peer, 0);
            return -1;
        }
        host.removeSentReliable(peer, 1, Protocol.SYSTEM_CHANNEL);
        if (channelCount < peer.channelCount) {
            peer.channelCount = (int) channelCount;
        }
        peer.outgoingPeerId = Wire.u16(buffer, at + 4) & Protocol.HEADER_PEER_ID_MASK;
        peer.incomingSessionId = Wire.u8(buffer, at + 6);
        peer.outgoingSessionId = Wire.u8(buffer, at + 7);
        int mtu = Protocol.clampMtu(Wire.u32(buffer, at + 8));
        if (mtu < peer.mtu) {
            peer.mtu = mtu;
        }
        int window = Protocol.clampWindow(Wire.u32(buffer, at + 12));
        if (window < peer.windowSize) {
            peer.windowSize = window;
        }
        peer.incomingBandwidth = Wire.u32(buffer, at + 20);
        peer.outgoingBandwidth = Wire.u32(buffer, at + 24);
        host.notifyConnect(peer, 0);
        return end;
    }

    private int handleDisconnect(Peer peer, int commandByte, int at, int end) {
        int state = peer.state;
        if (state == PeerState.DISCONNECTED || state == PeerState.ZOMBIE || state == PeerState.ACKNOWLEDGING_DISCONNECT) {
            return end;
        }
        int remoteData = Wire.i32(buffer, at + 4);
        host.resetQueues(peer);
        if (state == PeerState.CONNECTION_SUCCEEDED || state == PeerState.DISCONNECTING || state == PeerState.CONNECTING) {
            host.zombie(peer, remoteData);
        } else if (!PeerState.carriesData(state)) {
            host.resetPeer(peer);
        } else if ((commandByte & Protocol.FLAG_ACKNOWLEDGE) != 0) {
            host.changeState(peer, PeerState.ACKNOWLEDGING_DISCONNECT);
            peer.eventData = remoteData;
        } else {
            host.zombie(peer, remoteData);
        }
        return end;
    }

    private int handleBandwidthLimit(Peer peer, int at, int end) {
        if (!requireDataState(peer)) {
            return -1;
        }
        if (peer.incomingBandwidth != 0) {
            host.bandwidthLimitedPeers--;
        }
        peer.incomingBandwidth = Wire.u32(buffer, at + 4);
        peer.outgoingBandwidth = Wire.u32(buffer, at + 8);
        if (peer.incomingBandwidth != 0) {
            host.bandwidthLimitedPeers++;
        }
        peer.windowSize = Protocol.windowFor(host.config.outgoingBandwidth(), peer.incomingBandwidth);
        return end;
    }

    private int handleThrottleConfigure(Peer peer, int at, int end) {
        if (!requireDataState(peer)) {
            return -1;
        }
        peer.packetThrottleInterval = Wire.u32(buffer, at + 4);
        peer.packetThrottleAcceleration = Wire.u32(buffer, at + 8);
        peer.packetThrottleDeceleration = Wire.u32(buffer, at + 12);
        return end;
    }

    private boolean requireDataState(Peer peer) {
        if (!PeerState.carriesData(peer.state)) {
            drop(DropReason.WRONG_STATE);
            return false;
        }
        return true;
    }

    private void drop(DropReason reason) {
        host.stats.countDrop(reason);
    }
}

package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.zip.CRC32;

/**
 * Packs each peer's acknowledgements and queued commands into datagrams of at most the peer's MTU
 * and 32 commands (acks first, then reliable within the windows, then unreliable), runs the
 * retransmission timers and the idle ping (libenet's protocol_send_outgoing_commands).
 */
final class Sender {
    /** Room in front of the commands for the longest header (4) plus a checksum (4). */
    private static final int BODY_START = Protocol.HEADER_SIZE + Protocol.CHECKSUM_SIZE;
    private static final int ACK_SIZE = 8;
    private static final int USED_WINDOW_MASK = (1 << (Protocol.FREE_RELIABLE_WINDOWS + 2)) - 1;

    private final Host host;
    private final byte[] buffer = new byte[BODY_START + Protocol.MAXIMUM_MTU];
    private final BytesStore<?, byte[]> store = BytesStore.wrap(buffer);
    private final CRC32 crc = new CRC32();

    private int position;
    private int packetSize;
    private int commandCount;
    private boolean sentTimeFlag;
    private boolean continueSending;
    private boolean zombieAfterSend;
    /** A reliable command could go in this datagram, so no ping is needed. */
    private boolean reliableFound;
    /** Where the last {@link #sendReliable} pass stopped with {@link #STOPPED_AT_LIMIT}. */
    private long stoppedAtQueueOrder;

    /** Outcomes of a send pass. */
    private static final int DONE = 0;
    private static final int STOPPED_AT_LIMIT = 1;
    private static final int FULL = 2;

    Sender(Host host) {
        this.host = host;
    }

    /**
     * Sends what the live peers have queued and runs their due timers, visiting only the peers the
     * {@link ServiceSchedule} names, in slot order (as a scan of every slot would).
     */
    void sendAll(DatagramOutput out) {
        ServiceSchedule schedule = host.schedule;
        schedule.expire(host.now);
        for (int w = 0; w < schedule.words(); w++) {
            // a visit changes only its own peer's bit, which is already past in this word
            for (long bits = schedule.markedWord(w); bits != 0; bits &= bits - 1) {
                Peer peer = host.peers[w << 6 | Long.numberOfTrailingZeros(bits)];
                host.stats.countPeerVisit();
                while (peer.state != PeerState.DISCONNECTED && peer.state != PeerState.ZOMBIE && sendDatagram(peer, out, true)) {
                    // the datagram filled up; send another
                }
                schedule.visited(peer);
            }
        }
    }

    /** Sends one peer's queue at once without timer checks (enet_host_flush for that peer). */
    void flush(Peer peer, DatagramOutput out) {
        while (peer.state != PeerState.DISCONNECTED && peer.state != PeerState.ZOMBIE && sendDatagram(peer, out, false)) {
            // the datagram filled up; send another
        }
    }

    /** Builds and sends at most one datagram; true when more is waiting for another. */
    private boolean sendDatagram(Peer peer, DatagramOutput out, boolean checkForTimeouts) {
        long now = host.now;
        continueSending = false;
        zombieAfterSend = false;
        sentTimeFlag = false;
        commandCount = 0;
        position = BODY_START;
        packetSize = Protocol.HEADER_SIZE + (host.config.checksum() ? Protocol.CHECKSUM_SIZE : 0);

        if (!peer.acknowledgements.isEmpty()) {
            writeAcknowledgements(peer);
        }
        if (checkForTimeouts && !peer.sentReliable.isEmpty() && now >= peer.nextTimeout && checkTimeouts(peer)) {
            return false;
        }
        reliableFound = false;
        peer.windowBlocked = false;
        sendInQueueOrder(peer);
        if (!reliableFound
                && peer.sentReliable.isEmpty()
                && now - peer.lastReceiveTime >= peer.pingInterval
                && peer.mtu - packetSize >= Protocol.commandSize(Protocol.PING)) {
            host.ping(peer);
            sendReliable(peer, Long.MAX_VALUE);
        }
        if (peer.state == PeerState.DISCONNECT_LATER && peer.outgoingIdle()) {
            host.gracefulDisconnect(peer, peer.eventData);
        }
        if (commandCount == 0) {
            return false;
        }
        emit(peer, out, now);
        if (zombieAfterSend) {
            host.zombie(peer, peer.eventData);
            return false;
        }
        return continueSending;
    }

    private void writeAcknowledgements(Peer peer) {
        while (!peer.acknowledgements.isEmpty()) {
            if (commandCount >= Protocol.MAXIMUM_PACKET_COMMANDS || peer.mtu - packetSize < ACK_SIZE) {
                continueSending = true;
                return;
            }
            long ack = peer.acknowledgements.dequeueLong();
            int sequence = Peer.ackSequence(ack);
            buffer[position] = (byte) Protocol.ACKNOWLEDGE;
            buffer[position + 1] = (byte) Peer.ackChannel(ack);
            Wire.put16(buffer, position + 2, sequence);
            Wire.put16(buffer, position + 4, sequence);
            Wire.put16(buffer, position + 6, Peer.ackSentTime(ack));
            position += ACK_SIZE;
            packetSize += ACK_SIZE;
            commandCount++;
            if (Peer.ackIsDisconnect(ack)) {
                zombieAfterSend = true;
            }
        }
    }

    /** Expired retransmission timers: resend or declare the peer dead; true when it was disconnected. */
    private boolean checkTimeouts(Peer peer) {
        long now = host.now;
        OutgoingCommand insertAfter = null;
        OutgoingCommand c = peer.sentReliable.first();
        while (c != null) {
            OutgoingCommand next = peer.sentReliable.next(c);
            if (now - c.sentTime < c.roundTripTimeout) {
                c = next;
                continue;
            }
            if (peer.earliestTimeout == Peer.NEVER || c.sentTime < peer.earliestTimeout) {
                peer.earliestTimeout = c.sentTime;
            }
            long silent = now - peer.earliestTimeout;
            // the last clause holds whatever the peer acknowledged or claimed in between: a command
            // unacknowledged for the timeout maximum ends the connection
            if (silent >= peer.timeoutMaximum
                    || (c.roundTripTimeout >= c.roundTripTimeoutLimit && silent >= peer.timeoutMinimum)
                    || now - c.firstSentTime >= peer.timeoutMaximum) {
                host.notifyDisconnect(peer);
                return true;
            }
            if (c.hasPacket) {
                peer.reliableDataInTransit -= c.fragmentLength;
            }
            host.stats.countRetransmission();
            // doubled, but never past the moment the command has been unacknowledged for the timeout maximum
            c.roundTripTimeout = Math.max(1, Math.min(c.roundTripTimeout * 2, c.firstSentTime + peer.timeoutMaximum - now));
            peer.sentReliable.remove(c);
            peer.outgoingReliable.insertAfter(insertAfter, c);
            insertAfter = c;
            if (next != null && next == peer.sentReliable.first()) {
                peer.nextTimeout = next.sentTime + next.roundTripTimeout;
            }
            c = next;
        }
        return false;
    }

    /**
     * Writes reliable and unreliable commands in the order they were queued, as libenet 1.3.18 does:
     * a sequenced unreliable packet queued before a reliable one on the same channel carries the
     * older reliable sequence number, so it must arrive first or the receiver discards it as stale.
     * Reliable commands the windows hold back do not hold unreliable ones back; the receiver keeps
     * those until the reliable command they follow arrives.
     */
    private void sendInQueueOrder(Peer peer) {
        while (true) {
            int reliable = peer.outgoingReliable.isEmpty() ? DONE : sendReliable(peer, firstQueueOrder(peer.outgoingUnreliable));
            if (reliable == FULL) {
                return;
            }
            long reliableHead = reliable == STOPPED_AT_LIMIT ? stoppedAtQueueOrder : Long.MAX_VALUE;
            int unreliable = peer.outgoingUnreliable.isEmpty() ? DONE : sendUnreliable(peer, reliableHead);
            if (unreliable == FULL || (reliable == DONE && unreliable == DONE)) {
                return;
            }
        }
    }

    private static long firstQueueOrder(NodeList<OutgoingCommand> queue) {
        OutgoingCommand first = queue.first();
        return first == null ? Long.MAX_VALUE : first.queueOrder;
    }

    /**
     * Writes the reliable commands the windows allow that were queued before {@code before}.
     *
     * @return {@link #FULL} when the datagram filled, {@link #STOPPED_AT_LIMIT} when a sendable
     *     command queued at or after {@code before} is next ({@link #stoppedAtQueueOrder}), else {@link #DONE}
     */
    private int sendReliable(Peer peer, long before) {
        int result = DONE;
        boolean windowExceeded = false;
        boolean windowWrap = false;
        long now = host.now;
        OutgoingCommand c = peer.outgoingReliable.first();
        while (c != null) {
            OutgoingCommand next = peer.outgoingReliable.next(c);
            Channel channel = c.channel < peer.channelCount ? peer.channels[c.channel] : null;
            int window = c.reliableSequence / Protocol.RELIABLE_WINDOW_SIZE;
            if (channel != null) {
                if (!windowWrap && c.sendAttempts < 1 && c.reliableSequence % Protocol.RELIABLE_WINDOW_SIZE == 0
                        && (channel.reliableWindows[(window + Protocol.RELIABLE_WINDOWS - 1) % Protocol.RELIABLE_WINDOWS]
                        >= Protocol.RELIABLE_WINDOW_SIZE
                        || (channel.usedReliableWindows & ((USED_WINDOW_MASK << window)
                        | (USED_WINDOW_MASK >>> (Protocol.RELIABLE_WINDOWS - window)))) != 0)) {
                    windowWrap = true;
                }
                if (windowWrap) {
                    c = next;
                    continue;
                }
            }
            if (c.hasPacket) {
                if (!windowExceeded) {
                    long windowSize = (long) peer.packetThrottle * peer.windowSize / Protocol.PACKET_THROTTLE_SCALE;
                    if (peer.reliableDataInTransit + c.fragmentLength > Math.max(windowSize, peer.mtu)) {
                        windowExceeded = true;
                    }
                }
                if (windowExceeded) {
                    c = next;
                    continue;
                }
            }
            if (c.queueOrder >= before) {
                stoppedAtQueueOrder = c.queueOrder;
                result = STOPPED_AT_LIMIT;
                break;
            }
            reliableFound = true;
            if (commandCount >= Protocol.MAXIMUM_PACKET_COMMANDS || peer.mtu - packetSize < c.length) {
                continueSending = commandCount > 0 || failUnsendable(peer, c);
                result = FULL;
                break;
            }
            if (channel != null && c.sendAttempts < 1) {
                channel.usedReliableWindows |= 1 << window;
                channel.reliableWindows[window]++;
            }
            if (c.sendAttempts < 1) {
                c.firstSentTime = now;
            }
            c.sendAttempts++;
            if (c.roundTripTimeout == 0) {
                c.roundTripTimeout = Math.min(peer.roundTripTime + 4L * peer.roundTripTimeVariance, Peer.MAX_RETRANSMIT_TIMEOUT);
                c.roundTripTimeoutLimit = peer.timeoutLimit * c.roundTripTimeout;
            }
            if (peer.sentReliable.isEmpty()) {
                peer.nextTimeout = now + c.roundTripTimeout;
            }
            peer.outgoingReliable.remove(c);
            peer.sentReliable.addLast(c);
            c.sentTime = now;
            sentTimeFlag = true;
            append(c);
            if (c.hasPacket) {
                peer.reliableDataInTransit += c.fragmentLength;
            }
            c = next;
        }
        peer.windowBlocked |= windowExceeded || windowWrap;
        return result;
    }

    /** Writes the unreliable commands queued before {@code before}; returns {@link #FULL}, {@link #STOPPED_AT_LIMIT} or {@link #DONE}. */
    private int sendUnreliable(Peer peer, long before) {
        OutgoingCommand c = peer.outgoingUnreliable.first();
        while (c != null) {
            if (c.queueOrder >= before) {
                return STOPPED_AT_LIMIT;
            }
            if (commandCount >= Protocol.MAXIMUM_PACKET_COMMANDS || peer.mtu - packetSize < c.length) {
                continueSending = commandCount > 0 || failUnsendable(peer, c);
                return FULL;
            }
            OutgoingCommand next = peer.outgoingUnreliable.next(c);
            if (c.hasPacket && c.fragmentOffset == 0) {
                peer.packetThrottleCounter = (peer.packetThrottleCounter + Protocol.PACKET_THROTTLE_COUNTER)
                        % Protocol.PACKET_THROTTLE_SCALE;
                if (peer.packetThrottleCounter > peer.packetThrottle) {
                    host.stats.countDrop(DropReason.THROTTLED);
                    // the whole packet goes: its later fragments follow it with fragmentOffset > 0
                    do {
                        peer.outgoingUnreliable.remove(c);
                        host.releaseOutgoing(peer, c);
                        c = next;
                        next = c == null ? null : peer.outgoingUnreliable.next(c);
                    } while (c != null && c.hasPacket && c.fragmentOffset > 0);
                    continue;
                }
            }
            append(c);
            peer.outgoingUnreliable.remove(c);
            host.releaseOutgoing(peer, c);
            c = next;
        }
        return DONE;
    }

    /** A command larger than an empty datagram can never go: drop it rather than loop (cannot happen by construction). */
    private boolean failUnsendable(Peer peer, OutgoingCommand c) {
        if (c.owner == peer.outgoingReliable) {
            peer.outgoingReliable.remove(c);
        } else {
            peer.outgoingUnreliable.remove(c);
        }
        host.releaseOutgoing(peer, c);
        host.stats.countDrop(DropReason.INTERNAL_ERROR);
        return true;
    }

    private void append(OutgoingCommand c) {
        System.arraycopy(c.bytes, 0, buffer, position, c.length);
        position += c.length;
        packetSize += c.length;
        commandCount++;
    }


    private void emit(Peer peer, DatagramOutput out, long now) {
        boolean checksum = host.config.checksum();
        int headerLength = sentTimeFlag ? Protocol.HEADER_SIZE : Protocol.SHORT_HEADER_SIZE;
        int start = BODY_START - (checksum ? Protocol.CHECKSUM_SIZE : 0) - headerLength;
        boolean remoteKnown = peer.outgoingPeerId < Protocol.MAXIMUM_PEER_ID;
        int word = peer.outgoingPeerId & Protocol.HEADER_PEER_ID_MASK;
        if (sentTimeFlag) {
            word |= Protocol.HEADER_FLAG_SENT_TIME;
        }
        if (remoteKnown) {
            word |= (peer.outgoingSessionId & 3) << Protocol.HEADER_SESSION_SHIFT;
        }
        Wire.put16(buffer, start, word);
        if (sentTimeFlag) {
            Wire.put16(buffer, start + 2, (int) now & 0xFFFF);
        }
        int length = position - start;
        if (checksum) {
            int slot = BODY_START - Protocol.CHECKSUM_SIZE;
            Wire.put32(buffer, slot, remoteKnown ? peer.connectId : 0);
            crc.reset();
            crc.update(buffer, start, length);
            Wire.put32(buffer, slot, crc.getValue());
        }
        out.send(peer.endpoint, store, start, length);
        host.stats.countSent(length);
    }
}

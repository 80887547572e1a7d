package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;

/**
 * The five data commands: accepts them within the receive windows and the memory caps
 * ({@link ReceiveBudget}), queues what must wait ({@link IncomingQueues}), reassembles fragments,
 * and moves packets to the event queue in order (libenet's queue_incoming_command and
 * dispatch_incoming_*_commands). Each handler returns the position after the command, or -1 for a
 * command error (counted; the datagram's rest is dropped), or the position plus {@link #REFUSED}
 * for a command a memory cap refused.
 */
final class DataReceiver {
    /**
     * Added to a handler's result when a memory cap refused the command: it is skipped without an
     * acknowledgement, so an honest sender retransmits it later, and the datagram goes on.
     */
    static final int REFUSED = 1 << 16;
    /** The position part of a handler's result (datagrams are far shorter than {@link #REFUSED}). */
    static final int POSITION_MASK = REFUSED - 1;

    private final Host host;
    private final IncomingQueues queues;
    private final byte[] buffer;
    private int length;

    DataReceiver(Host host, byte[] buffer) {
        this.host = host;
        this.queues = host.queues;
        this.buffer = buffer;
    }

    /** A new datagram of {@code datagramLength} bytes is in the shared buffer. */
    void begin(int datagramLength) {
        this.length = datagramLength;
    }

    int sendReliable(Peer peer, int at, int end) {
        int payloadEnd = dataEnd(peer, at, end, 4);
        if (payloadEnd < 0) {
            return -1;
        }
        int channelId = channelOf(at);
        int sequence = Wire.u16(buffer, at + 2);
        Channel channel = peer.channels[channelId];
        if (peer.state == PeerState.DISCONNECT_LATER || sequence == channel.incomingReliableSequence
                || !Protocol.inReceiveWindow(sequence, channel.incomingReliableSequence)
                || queues.reliable(peer, channelId, sequence) != null) {
            // discarded, delivered before, or a duplicate of a queued one: acknowledged, not kept
            return payloadEnd;
        }
        boolean next = sequence == nextReliable(channel);
        if (!next && ((sequence - channel.incomingReliableSequence) & 0xFFFF) - 1 > host.budget.outOfOrderReach()) {
            host.stats.countDrop(DropReason.OUT_OF_ORDER_LIMIT);
            return payloadEnd | REFUSED;
        }
        IncomingCommand c = newPacket(peer, next ? ReceiveBudget.DELIVERED : ReceiveBudget.QUEUED, Protocol.SEND_RELIABLE,
                channelId, EnetPacketFlags.RELIABLE, sequence, 0, end, payloadEnd);
        if (c == null) {
            return payloadEnd | REFUSED;
        }
        if (next) {
            deliverReliable(peer, channel, c);
        } else {
            queues.queueReliable(peer, c);
        }
        return payloadEnd;
    }

    int sendUnreliable(Peer peer, int at, int end) {
        int payloadEnd = dataEnd(peer, at, end, 6);
        if (payloadEnd < 0) {
            return -1;
        }
        int channelId = channelOf(at);
        int reliableSequence = Wire.u16(buffer, at + 2);
        int unreliableSequence = Wire.u16(buffer, at + 4);
        Channel channel = peer.channels[channelId];
        if (peer.state == PeerState.DISCONNECT_LATER) {
            return payloadEnd;
        }
        if (isStaleUnreliable(channel, reliableSequence, unreliableSequence)) {
            host.stats.countDrop(DropReason.STALE_UNRELIABLE);
            return payloadEnd;
        }
        if (reliableSequence == channel.incomingReliableSequence) {
            // its epoch is current: nothing it waits for, straight to the application
            IncomingCommand c = newPacket(peer, ReceiveBudget.DELIVERED, Protocol.SEND_UNRELIABLE, channelId, 0, reliableSequence,
                    unreliableSequence, end, payloadEnd);
            if (c == null) {
                return payloadEnd | REFUSED;
            }
            deliverUnreliable(peer, channel, c);
            return payloadEnd;
        }
        IncomingCommand anchor = queues.unreliablePlace(channel, reliableSequence, unreliableSequence);
        int order = IncomingQueues.compare(channel, anchor, reliableSequence, unreliableSequence);
        if (order > 0) {
            host.stats.countDrop(DropReason.STALE_UNRELIABLE);
            return payloadEnd;
        }
        if (order == 0) {
            return payloadEnd;
        }
        IncomingCommand c = newPacket(peer, ReceiveBudget.QUEUED, Protocol.SEND_UNRELIABLE, channelId, 0, reliableSequence,
                unreliableSequence, end, payloadEnd);
        if (c == null) {
            return payloadEnd | REFUSED;
        }
        channel.incomingUnreliable.insertAfter(anchor, c);
        return payloadEnd;
    }

    int sendUnsequenced(Peer peer, int at, int end) {
        int payloadEnd = dataEnd(peer, at, end, 6);
        if (payloadEnd < 0) {
            return -1;
        }
        int channelId = channelOf(at);
        int group = Wire.u16(buffer, at + 4);
        int index = group % Protocol.UNSEQUENCED_WINDOW_SIZE;
        int unwrapped = group < peer.incomingUnsequencedGroup ? group + 0x10000 : group;
        if (unwrapped >= peer.incomingUnsequencedGroup + Protocol.FREE_UNSEQUENCED_WINDOWS * Protocol.UNSEQUENCED_WINDOW_SIZE) {
            return payloadEnd;
        }
        if (group - index != peer.incomingUnsequencedGroup) {
            peer.incomingUnsequencedGroup = group - index;
            java.util.Arrays.fill(peer.unsequencedWindow, 0);
        } else if ((peer.unsequencedWindow[index >>> 5] & (1 << (index & 31))) != 0) {
            return payloadEnd;
        }
        if (peer.state != PeerState.DISCONNECT_LATER) {
            IncomingCommand c = newPacket(peer, ReceiveBudget.DELIVERED, Protocol.SEND_UNSEQUENCED, channelId,
                    EnetPacketFlags.UNSEQUENCED, 0, 0, end, payloadEnd);
            if (c == null) {
                // not marked as received: a copy that finds room may still be delivered
                return payloadEnd | REFUSED;
            }
            // unsequenced packets wait for nothing: straight to the application
            host.deliver(peer, c);
        }
        peer.unsequencedWindow[index >>> 5] |= 1 << (index & 31);
        return payloadEnd;
    }

    int sendFragment(Peer peer, int at, int end) {
        int payloadEnd = fragmentEnd(peer, at, end);
        if (payloadEnd < 0) {
            return -1;
        }
        int channelId = channelOf(at);
        int fragmentLength = payloadEnd - end;
        Channel channel = peer.channels[channelId];
        int start = Wire.u16(buffer, at + 4);
        if (!Protocol.inReceiveWindow(start, channel.incomingReliableSequence)) {
            return payloadEnd;
        }
        int stride = fragmentStride(at, fragmentLength);
        if (stride < 0) {
            return -1;
        }
        if (peer.state == PeerState.DISCONNECT_LATER || start == channel.incomingReliableSequence) {
            return payloadEnd;
        }
        IncomingCommand group = queues.reliable(peer, channelId, start);
        if (group == null) {
            group = newGroup(peer, Protocol.SEND_FRAGMENT, channelId, EnetPacketFlags.RELIABLE, start, 0, at, stride);
            if (group == null) {
                return payloadEnd | REFUSED;
            }
            queues.queueReliable(peer, group);
        } else if (!sameGroup(group, Protocol.SEND_FRAGMENT, at, stride)) {
            return -1;
        }
        if (addFragment(group, at, end, fragmentLength) && start == nextReliable(channel)) {
            queues.unqueueReliable(peer, group);
            deliverReliable(peer, channel, group);
        }
        return payloadEnd;
    }

    int sendUnreliableFragment(Peer peer, int at, int end) {
        int payloadEnd = fragmentEnd(peer, at, end);
        if (payloadEnd < 0) {
            return -1;
        }
        int channelId = channelOf(at);
        int fragmentLength = payloadEnd - end;
        Channel channel = peer.channels[channelId];
        int reliableSequence = Wire.u16(buffer, at + 2);
        int start = Wire.u16(buffer, at + 4);
        if (isStaleUnreliable(channel, reliableSequence, start)) {
            host.stats.countDrop(DropReason.STALE_UNRELIABLE);
            return payloadEnd;
        }
        int stride = fragmentStride(at, fragmentLength);
        if (stride < 0) {
            return -1;
        }
        if (peer.state == PeerState.DISCONNECT_LATER) {
            return payloadEnd;
        }
        IncomingCommand group = queues.unreliablePlace(channel, reliableSequence, start);
        int order = IncomingQueues.compare(channel, group, reliableSequence, start);
        if (order > 0) {
            host.stats.countDrop(DropReason.STALE_UNRELIABLE);
            return payloadEnd;
        }
        if (order < 0) {
            IncomingCommand anchor = group;
            group = newGroup(peer, Protocol.SEND_UNRELIABLE_FRAGMENT, channelId, EnetPacketFlags.UNRELIABLE_FRAGMENT,
                    reliableSequence, start, at, stride);
            if (group == null) {
                return payloadEnd | REFUSED;
            }
            channel.incomingUnreliable.insertAfter(anchor, group);
        } else if (!sameGroup(group, Protocol.SEND_UNRELIABLE_FRAGMENT, at, stride)) {
            return -1;
        }
        if (addFragment(group, at, end, fragmentLength) && reliableSequence == channel.incomingReliableSequence) {
            channel.incomingUnreliable.remove(group);
            deliverUnreliable(peer, channel, group);
        }
        return payloadEnd;
    }

    // ---------------------------------------------------------------- ordering and delivery

    private static int nextReliable(Channel channel) {
        return (channel.incomingReliableSequence + 1) & 0xFFFF;
    }

    /**
     * Delivers {@code c}, the next reliable packet of its channel (already out of the queues), then
     * every complete one queued right after it, found by sequence number, then the unreliable
     * packets those released.
     */
    private void deliverReliable(Peer peer, Channel channel, IncomingCommand c) {
        int channelId = c.channel;
        do {
            int first = c.reliableSequence;
            int span = Math.max(c.fragmentCount - 1, 0);
            channel.incomingReliableSequence = (first + span) & 0xFFFF;
            host.deliver(peer, c);
            if (span > 0) {
                queues.dropOvertaken(peer, channelId, first, span);
            }
            c = queues.reliable(peer, channelId, nextReliable(channel));
            if (c != null && c.complete()) {
                queues.unqueueReliable(peer, c);
            } else {
                c = null;
            }
        } while (c != null);
        channel.incomingUnreliableSequence = 0;
        if (!channel.incomingUnreliable.isEmpty()) {
            dispatchUnreliable(peer, channel);
        }
    }

    /**
     * Runs when the channel's reliable epoch advanced: the queue's head holds past epochs (dropped),
     * then the new current one (complete packets delivered in order, incomplete groups kept), and
     * the walk stops at the first future epoch. Each command is passed at most once as current
     * before it is delivered or dropped, so the arrivals pay for this work.
     */
    private void dispatchUnreliable(Peer peer, Channel channel) {
        int incoming = channel.incomingReliableSequence;
        IncomingCommand c = channel.incomingUnreliable.first();
        while (c != null) {
            host.stats.countOrderingSteps(1);
            IncomingCommand next = channel.incomingUnreliable.next(c);
            if (c.reliableSequence == incoming) {
                if (c.complete()) {
                    channel.incomingUnreliable.remove(c);
                    deliverUnreliable(peer, channel, c);
                }
            } else if (Protocol.inReceiveWindow(c.reliableSequence, incoming)) {
                break;
            } else {
                channel.incomingUnreliable.remove(c);
                dropStale(peer, c);
            }
            c = next;
        }
    }

    /**
     * Delivers a complete unreliable packet of the current epoch that is not queued, first dropping
     * the queued ones of the epoch it overtook (groups with lower sequence numbers still incomplete:
     * complete ones of the current epoch never wait). Only the head of the queue is touched.
     */
    private void deliverUnreliable(Peer peer, Channel channel, IncomingCommand c) {
        IncomingCommand older;
        while ((older = channel.incomingUnreliable.first()) != null && older.reliableSequence == c.reliableSequence
                && older.unreliableSequence <= c.unreliableSequence) {
            host.stats.countOrderingSteps(1);
            channel.incomingUnreliable.remove(older);
            dropStale(peer, older);
        }
        channel.incomingUnreliableSequence = c.unreliableSequence;
        host.deliver(peer, c);
    }

    private void dropStale(Peer peer, IncomingCommand c) {
        host.stats.countDrop(DropReason.STALE_UNRELIABLE);
        host.dropIncoming(peer, c);
    }

    /** Outside the reliable window, or not newer than the last delivered unreliable packet of this epoch. */
    private static boolean isStaleUnreliable(Channel channel, int reliableSequence, int unreliableSequence) {
        return !Protocol.inReceiveWindow(reliableSequence, channel.incomingReliableSequence)
                || (reliableSequence == channel.incomingReliableSequence
                && unreliableSequence <= channel.incomingUnreliableSequence);
    }

    // ---------------------------------------------------------------- fragments

    /**
     * Checks a fragment's fields and returns the stride they imply, or -1 (counted). Every ENet
     * sender cuts a packet into fragments of one length L (the stride) at offset number × L, the
     * last one holding the rest (1..L bytes); each fragment on its own determines L (its length, or
     * for the last one offset / (count − 1)), and holding every fragment of a group to the same L
     * and count makes the fragments tile the packet exactly: no byte uncovered, none written twice.
     */
    private int fragmentStride(int at, int fragmentLength) {
        long count = Wire.u32(buffer, at + 8);
        long number = Wire.u32(buffer, at + 12);
        long total = Wire.u32(buffer, at + 16);
        long offset = Wire.u32(buffer, at + 20);
        if (total > host.config.maxPacketSize()) {
            drop(DropReason.PACKET_TOO_LARGE);
            return -1;
        }
        if (count > Protocol.MAXIMUM_FRAGMENT_COUNT || number >= count || offset >= total || fragmentLength > total - offset) {
            drop(DropReason.BAD_FRAGMENT);
            return -1;
        }
        long stride;
        if (number < count - 1) {
            stride = fragmentLength;
        } else if (count == 1) {
            stride = total;
        } else {
            stride = offset % (count - 1) == 0 ? offset / (count - 1) : 0;
        }
        boolean tiles = stride > 0 && stride <= Protocol.MAXIMUM_DATAGRAM
                && offset == number * stride
                && (number < count - 1 || fragmentLength == total - offset)
                && (count - 1) * stride < total && total <= count * stride;
        if (!tiles) {
            drop(DropReason.BAD_FRAGMENT);
            return -1;
        }
        return (int) stride;
    }

    /** Whether a fragment describes the same packet as the group it joins (counted when not). */
    private boolean sameGroup(IncomingCommand group, int number, int at, int stride) {
        if (group.number != number || group.length != Wire.u32(buffer, at + 16)
                || group.fragmentCount != Wire.u32(buffer, at + 8) || group.fragmentStride != stride) {
            drop(DropReason.BAD_FRAGMENT);
            return false;
        }
        return true;
    }

    /** Starts reassembling a packet, charged to the peer's reassembly; null (counted) when a cap refuses it. */
    private IncomingCommand newGroup(Peer peer, int number, int channelId, int flags, int reliableSequence,
                                     int unreliableSequence, int at, int stride) {
        IncomingCommand group = admit(peer, ReceiveBudget.REASSEMBLING, number, channelId, flags, reliableSequence,
                unreliableSequence, (int) Wire.u32(buffer, at + 16));
        if (group != null) {
            group.expectFragments((int) Wire.u32(buffer, at + 8), stride);
        }
        return group;
    }

    /** Copies a new fragment in; true when that completed the packet. */
    private boolean addFragment(IncomingCommand group, int at, int payloadStart, int fragmentLength) {
        int number = (int) Wire.u32(buffer, at + 12);
        if (!group.markFragment(number)) {
            return false;
        }
        int offset = (int) Wire.u32(buffer, at + 20);
        copyPayload(group, offset, payloadStart, fragmentLength);
        return group.complete();
    }

    // ---------------------------------------------------------------- checks

    private int channelOf(int at) {
        return buffer[at + 1] & 0xFF;
    }

    /**
     * The preamble of SEND_RELIABLE, SEND_UNRELIABLE and SEND_UNSEQUENCED: the channel must carry data
     * and the u16 data length at {@code lengthOffset} must fit. The payload's end, or -1 (counted).
     */
    private int dataEnd(Peer peer, int at, int payloadStart, int lengthOffset) {
        if (!acceptsData(peer, channelOf(at))) {
            return -1;
        }
        return payloadEnd(payloadStart, Wire.u16(buffer, at + lengthOffset));
    }

    /** {@link #dataEnd} for the two fragment commands, whose u16 fragment length must also be non-zero. */
    private int fragmentEnd(Peer peer, int at, int payloadStart) {
        if (!acceptsData(peer, channelOf(at))) {
            return -1;
        }
        int fragmentLength = Wire.u16(buffer, at + 6);
        if (fragmentLength == 0) {
            drop(DropReason.BAD_FRAGMENT);
            return -1;
        }
        return payloadEnd(payloadStart, fragmentLength);
    }

    private boolean acceptsData(Peer peer, int channelId) {
        if (channelId >= peer.channelCount) {
            drop(DropReason.BAD_CHANNEL);
            return false;
        }
        if (!PeerState.carriesData(peer.state)) {
            drop(DropReason.WRONG_STATE);
            return false;
        }
        return true;
    }

    private int payloadEnd(int payloadStart, int dataLength) {
        if (dataLength > host.config.maxPacketSize()) {
            drop(DropReason.PACKET_TOO_LARGE);
            return -1;
        }
        if (payloadStart + dataLength > length) {
            drop(DropReason.MALFORMED_COMMAND);
            return -1;
        }
        return payloadStart + dataLength;
    }

    /** A whole (unfragmented) packet copied out of the datagram and charged to {@code stage}; null (counted) when a cap refuses it. */
    private IncomingCommand newPacket(Peer peer, int stage, int number, int channelId, int flags, int reliableSequence,
                                      int unreliableSequence, int payloadStart, int payloadEnd) {
        IncomingCommand c = admit(peer, stage, number, channelId, flags, reliableSequence, unreliableSequence, payloadEnd - payloadStart);
        if (c != null) {
            copyPayload(c, 0, payloadStart, c.length);
        }
        return c;
    }

    /** A pooled command for a packet of {@code length} bytes charged to {@code stage}, or null (counted) when a cap refuses it. */
    private IncomingCommand admit(Peer peer, int stage, int number, int channelId, int flags, int reliableSequence,
                                  int unreliableSequence, int length) {
        if (!host.budget.admit(peer, stage, length)) {
            return null;
        }
        IncomingCommand c = host.pool.acquireIncoming();
        c.prepare(number, channelId, flags, reliableSequence, unreliableSequence, length);
        c.stage = stage;
        return c;
    }

    private void copyPayload(IncomingCommand c, int offset, int from, int count) {
        c.data.write(offset, buffer, from, count);
    }

    private void drop(DropReason reason) {
        host.stats.countDrop(reason);
    }
}

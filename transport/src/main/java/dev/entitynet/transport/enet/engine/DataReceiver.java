package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;

/**
 * The five data commands: accepts them into the per-channel reliable / unreliable queues within
 * the receive windows, reassembles fragments, and moves packets to the event queue in order
 * (libenet's queue_incoming_command and dispatch_incoming_*_commands). Each handler returns the
 * position after the command, or -1 for a command error (counted; the datagram's rest is dropped),
 * or the position plus {@link #REFUSED} for a command a memory cap refused.
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
    private final byte[] buffer;
    private int length;

    DataReceiver(Host host, byte[] buffer) {
        this.host = host;
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
                || !Protocol.inReceiveWindow(sequence, channel.incomingReliableSequence)) {
            return payloadEnd;
        }
        IncomingCommand anchor = reliableAnchor(channel, sequence);
        if (anchor != null && anchor.reliableSequence == sequence) {
            return payloadEnd;
        }
        int stage = sequence == ((channel.incomingReliableSequence + 1) & 0xFFFF) ? ReceiveBudget.DELIVERED : ReceiveBudget.QUEUED;
        IncomingCommand c = newPacket(peer, stage, Protocol.SEND_RELIABLE, channelId, EnetPacketFlags.RELIABLE, sequence, 0, end, payloadEnd);
        if (c == null) {
            return payloadEnd | REFUSED;
        }
        channel.incomingReliable.insertAfter(anchor, c);
        dispatchReliable(peer, channel);
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
        IncomingCommand anchor = unreliableAnchor(channel, reliableSequence, unreliableSequence);
        if (anchor != null && anchor.reliableSequence == reliableSequence && anchor.unreliableSequence == unreliableSequence) {
            return payloadEnd;
        }
        int stage = reliableSequence == channel.incomingReliableSequence ? ReceiveBudget.DELIVERED : ReceiveBudget.QUEUED;
        IncomingCommand c = newPacket(peer, stage, Protocol.SEND_UNRELIABLE, channelId, 0, reliableSequence, unreliableSequence, end, payloadEnd);
        if (c == null) {
            return payloadEnd | REFUSED;
        }
        channel.incomingUnreliable.insertAfter(anchor, c);
        dispatchUnreliable(peer, channel);
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
        IncomingCommand anchor = reliableAnchor(channel, start);
        boolean joins = anchor != null && anchor.reliableSequence == start;
        IncomingCommand group = anchor;
        if (!joins) {
            group = newGroup(peer, Protocol.SEND_FRAGMENT, channelId, EnetPacketFlags.RELIABLE, start, 0, at, stride);
            if (group == null) {
                return payloadEnd | REFUSED;
            }
            channel.incomingReliable.insertAfter(anchor, group);
        } else if (!sameGroup(group, Protocol.SEND_FRAGMENT, at, stride)) {
            return -1;
        }
        if (addFragment(group, at, end, fragmentLength)) {
            dispatchReliable(peer, channel);
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
        IncomingCommand anchor = unreliableAnchor(channel, reliableSequence, start);
        boolean joins = anchor != null && anchor.reliableSequence == reliableSequence && anchor.unreliableSequence == start;
        IncomingCommand group = anchor;
        if (!joins) {
            group = newGroup(peer, Protocol.SEND_UNRELIABLE_FRAGMENT, channelId, EnetPacketFlags.UNRELIABLE_FRAGMENT,
                    reliableSequence, start, at, stride);
            if (group == null) {
                return payloadEnd | REFUSED;
            }
            channel.incomingUnreliable.insertAfter(anchor, group);
        } else if (!sameGroup(group, Protocol.SEND_UNRELIABLE_FRAGMENT, at, stride)) {
            return -1;
        }
        if (addFragment(group, at, end, fragmentLength)) {
            dispatchUnreliable(peer, channel);
        }
        return payloadEnd;
    }

    // ---------------------------------------------------------------- ordering and delivery

    /** Delivers the reliable packets that are next in line, then whatever unreliable ones they released. */
    private void dispatchReliable(Peer peer, Channel channel) {
        boolean delivered = false;
        IncomingCommand c;
        while ((c = channel.incomingReliable.first()) != null) {
            int distance = (c.reliableSequence - channel.incomingReliableSequence) & 0xFFFF;
            if (distance == 0 || distance >= 0x8000) {
                // overtaken by a fragment group that claimed its sequence number: it can never be delivered
                channel.incomingReliable.remove(c);
                host.dropIncoming(peer, c);
                continue;
            }
            if (distance != 1 || !c.complete()) {
                break;
            }
            channel.incomingReliable.remove(c);
            int last = c.reliableSequence + (c.fragmentCount > 0 ? c.fragmentCount - 1 : 0);
            channel.incomingReliableSequence = last & 0xFFFF;
            host.deliver(peer, c);
            delivered = true;
        }
        if (delivered) {
            channel.incomingUnreliableSequence = 0;
            if (!channel.incomingUnreliable.isEmpty()) {
                dispatchUnreliable(peer, channel);
            }
        }
    }

    /**
     * Delivers complete unreliable packets of the current reliable epoch in order, drops those of
     * past epochs and incomplete ones that a newer packet overtook, and stops at a future epoch.
     */
    private void dispatchUnreliable(Peer peer, Channel channel) {
        int incoming = channel.incomingReliableSequence;
        IncomingCommand c = channel.incomingUnreliable.first();
        while (c != null) {
            IncomingCommand next = channel.incomingUnreliable.next(c);
            if (c.reliableSequence == incoming) {
                if (c.complete()) {
                    IncomingCommand older;
                    while ((older = channel.incomingUnreliable.first()) != c) {
                        channel.incomingUnreliable.remove(older);
                        dropStale(peer, older);
                    }
                    channel.incomingUnreliable.remove(c);
                    channel.incomingUnreliableSequence = c.unreliableSequence;
                    host.deliver(peer, c);
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

    private void dropStale(Peer peer, IncomingCommand c) {
        host.stats.countDrop(DropReason.STALE_UNRELIABLE);
        host.dropIncoming(peer, c);
    }

    /** The queued reliable command with the largest sequence number not after {@code sequence}, or null. */
    private static IncomingCommand reliableAnchor(Channel channel, int sequence) {
        int incoming = channel.incomingReliableSequence;
        int key = (sequence - incoming) & 0xFFFF;
        IncomingCommand c = channel.incomingReliable.last();
        while (c != null && ((c.reliableSequence - incoming) & 0xFFFF) > key) {
            c = channel.incomingReliable.previous(c);
        }
        return c;
    }

    /** Like {@link #reliableAnchor} for the unreliable queue, ordered by (reliable epoch, unreliable sequence). */
    private static IncomingCommand unreliableAnchor(Channel channel, int reliableSequence, int unreliableSequence) {
        int incoming = channel.incomingReliableSequence;
        long key = unreliableKey(reliableSequence, unreliableSequence, incoming);
        IncomingCommand c = channel.incomingUnreliable.last();
        while (c != null && unreliableKey(c.reliableSequence, c.unreliableSequence, incoming) > key) {
            c = channel.incomingUnreliable.previous(c);
        }
        return c;
    }

    private static long unreliableKey(int reliableSequence, int unreliableSequence, int incoming) {
        return (long) ((reliableSequence - incoming) & 0xFFFF) << 16 | unreliableSequence;
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

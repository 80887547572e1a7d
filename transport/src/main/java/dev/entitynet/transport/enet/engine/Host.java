package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.DropReason;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngineStats;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.SplittableRandom;

/**
 * The ENet host behind {@link dev.entitynet.transport.enet.EnetEngine}: the slots, the pools, the
 * event queue and the connection lifecycle (libenet's host.c and peer.c). Parsing lives in
 * {@link Receiver}/{@link DataReceiver}, datagram assembly in {@link Sender}, the 1 s bandwidth pass
 * in {@link BandwidthThrottle}.
 */
public final class Host {
    /** libenet's HOST_DEFAULT_MAXIMUM_WAITING_DATA: received bytes one peer may have waiting. */
    static final long MAX_WAITING_DATA = 32L * 1024 * 1024;

    final EnetConfig config;
    final EnetEngineStats stats = new EnetEngineStats();
    final Peer[] peers;
    final CommandPool pool = new CommandPool();
    final ReceiveBudget budget;
    final IncomingQueues queues;
    final EventQueue events = new EventQueue();
    final FarewellBuffer farewells = new FarewellBuffer();
    final ServiceSchedule schedule;
    private final PeerDirectory directory;
    /**
     * Who owns each wire peer id (the id a remote puts in its headers): 0 = nobody, slot + 1 = a
     * peer, -(record + 1) = a handshake in progress. Ids are drawn at random so a blind spoofer
     * cannot guess them.
     */
    private final int[] wireOwners = new int[Protocol.MAXIMUM_PEER_ID];
    private final SipHash prf;
    private long randomCounter;
    private final Sender sender;
    private final Receiver receiver;
    final ServerHandshake handshake;
    private final BandwidthThrottle bandwidthThrottle;
    private boolean closed;
    private Throwable lastInternalError;

    /** The current service time in milliseconds, as last passed in. */
    long now;
    int connectedPeers;
    int bandwidthLimitedPeers;
    boolean recalculateBandwidthLimits;
    long bandwidthThrottleEpoch = Peer.NEVER;

    public Host(EnetConfig config, long seed) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.budget = new ReceiveBudget(config, stats);
        this.queues = new IncomingQueues(this, new SplittableRandom(seed).split().nextLong());
        this.peers = new Peer[config.peerLimit()];
        for (int i = 0; i < peers.length; i++) {
            peers[i] = new Peer(i);
            peers[i].resetTimingAndLimits(config.mtu());
        }
        this.prf = new SipHash(seed, new SplittableRandom(seed).nextLong());
        // its own PRF input, so the random bits drawn for the wire stay what they were
        this.directory = new PeerDirectory(peers.length, tableSeed(0x706565722d646972L));
        this.schedule = new ServiceSchedule(peers.length);
        this.sender = new Sender(this);
        this.handshake = new ServerHandshake(this);
        this.receiver = new Receiver(this);
        this.bandwidthThrottle = new BandwidthThrottle(this);
    }

    // ---------------------------------------------------------------- the engine API

    public void receive(long endpoint, BytesStore<?, ?> data, long offset, int length, long nowMillis) {
        requireOpen();
        now = nowMillis;
        try {
            receiver.receive(endpoint, data, offset, length);
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    public void service(long nowMillis, DatagramOutput out) {
        requireOpen();
        now = nowMillis;
        try {
            farewells.drainTo(out);
            if (bandwidthThrottleEpoch == Peer.NEVER) {
                bandwidthThrottleEpoch = now;
            } else if (now - bandwidthThrottleEpoch >= Protocol.BANDWIDTH_THROTTLE_INTERVAL) {
                bandwidthThrottle.run();
            }
            sender.sendAll(out);
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    public int pollEvents(EnetEventListener listener) {
        requireOpen();
        int delivered = 0;
        while (events.size() > 0) {
            int kind = events.headKind();
            int peerId = events.headPeer();
            long endpoint = events.headEndpoint();
            int data = events.headData();
            long sequence = events.headSequence();
            IncomingCommand packet = events.headPacket();
            events.removeHead();
            Peer peer = peers[peerId];
            if (packet != null) {
                // a packet queued before its slot was reset no longer counts for the slot
                budget.release(sequence >= peer.waitingCountedFrom ? peer : null, packet);
            }
            if (sequence < peer.discardEventsBefore) {
                if (packet != null) {
                    pool.release(packet);
                }
                continue;
            }
            delivered++;
            try {
                switch (kind) {
                    case EventQueue.CONNECTED -> listener.connected(peerId, endpoint, data);
                    case EventQueue.DISCONNECTED -> listener.disconnected(peerId, endpoint, data);
                    default -> listener.received(peerId, packet.channel, packet.flags, packet.payload());
                }
            } finally {
                if (packet != null) {
                    pool.release(packet);
                }
            }
        }
        return delivered;
    }

    public int connect(long endpoint, int channelCount, int data, long nowMillis) {
        requireOpen();
        now = nowMillis;
        Peer peer = lowestFreeSlot();
        int wireId = unusedWireId();
        if (peer == null || wireId < 0) {
            return -1;
        }
        int channels = Math.max(Protocol.MINIMUM_CHANNEL_COUNT, Math.min(Protocol.MAXIMUM_CHANNEL_COUNT, channelCount));
        peer.openChannels(channels);
        peer.endpoint = endpoint;
        peer.connectId = (int) randomBits();
        changeState(peer, PeerState.CONNECTING);
        bindWireToPeer(wireId, peer);
        peer.incomingRate.reset(config, now);
        peer.windowSize = Protocol.windowFor(config.outgoingBandwidth());
        OutgoingCommand c = pool.acquireOutgoing();
        c.begin(Protocol.CONNECT | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL, Protocol.commandSize(Protocol.CONNECT), 0);
        HandshakeFields.write(c.bytes, 0, wireId, peer.incomingSessionId, peer.outgoingSessionId, peer.mtu, peer.windowSize,
                channels, config.incomingBandwidth(), config.outgoingBandwidth(), peer.packetThrottleInterval,
                peer.packetThrottleAcceleration, peer.packetThrottleDeceleration, peer.connectId);
        Wire.put32(c.bytes, HandshakeFields.DATA, data);
        queueOutgoing(peer, c);
        return peer.incomingPeerId;
    }

    public boolean send(int peerId, int channelId, int flags, BytesStore<?, ?> data, long offset, int length) {
        requireOpen();
        Peer peer = peerOrNull(peerId);
        if (peer == null || peer.state != PeerState.CONNECTED || channelId < 0 || channelId >= peer.channelCount
                || length < 0 || length > config.maxPacketSize()) {
            stats.countDrop(DropReason.SEND_REFUSED);
            return false;
        }
        if (!canQueue(peer, length)) {
            stats.countDrop(DropReason.QUEUE_FULL);
            return false;
        }
        Channel channel = peer.channels[channelId];
        int fragmentLength = fragmentPayloadSize(peer);
        if (length > fragmentLength) {
            int fragmentCount = (int) ((length + (long) fragmentLength - 1) / fragmentLength);
            if (fragmentCount > Protocol.MAXIMUM_FRAGMENT_COUNT) {
                stats.countDrop(DropReason.SEND_REFUSED);
                return false;
            }
            int commandByte;
            int startSequence;
            if ((flags & (EnetPacketFlags.RELIABLE | EnetPacketFlags.UNRELIABLE_FRAGMENT)) == EnetPacketFlags.UNRELIABLE_FRAGMENT
                    && channel.outgoingUnreliableSequence < 0xFFFF) {
                commandByte = Protocol.SEND_UNRELIABLE_FRAGMENT;
                startSequence = (channel.outgoingUnreliableSequence + 1) & 0xFFFF;
            } else {
                commandByte = Protocol.SEND_FRAGMENT | Protocol.FLAG_ACKNOWLEDGE;
                startSequence = (channel.outgoingReliableSequence + 1) & 0xFFFF;
            }
            int fragmentOffset = 0;
            for (int number = 0; number < fragmentCount; number++, fragmentOffset += fragmentLength) {
                int slice = Math.min(fragmentLength, length - fragmentOffset);
                OutgoingCommand c = pool.acquireOutgoing();
                c.begin(commandByte, channelId, Protocol.FRAGMENT_COMMAND_SIZE, slice);
                byte[] b = c.bytes;
                Wire.put16(b, 4, startSequence);
                Wire.put16(b, 6, slice);
                Wire.put32(b, 8, fragmentCount);
                Wire.put32(b, 12, number);
                Wire.put32(b, 16, length);
                Wire.put32(b, 20, fragmentOffset);
                data.read(offset + fragmentOffset, b, Protocol.FRAGMENT_COMMAND_SIZE, slice);
                c.hasPacket = true;
                c.fragmentOffset = fragmentOffset;
                c.fragmentLength = slice;
                queueOutgoing(peer, c);
            }
        } else {
            int commandByte;
            if ((flags & (EnetPacketFlags.RELIABLE | EnetPacketFlags.UNSEQUENCED)) == EnetPacketFlags.UNSEQUENCED) {
                commandByte = Protocol.SEND_UNSEQUENCED | Protocol.FLAG_UNSEQUENCED;
            } else if ((flags & EnetPacketFlags.RELIABLE) != 0 || channel.outgoingUnreliableSequence >= 0xFFFF) {
                // an unreliable counter at 0xFFFF would wrap and be discarded as stale: promote, as libenet does
                commandByte = Protocol.SEND_RELIABLE | Protocol.FLAG_ACKNOWLEDGE;
            } else {
                commandByte = Protocol.SEND_UNRELIABLE;
            }
            int number = commandByte & Protocol.COMMAND_MASK;
            int fixed = Protocol.commandSize(number);
            OutgoingCommand c = pool.acquireOutgoing();
            c.begin(commandByte, channelId, fixed, length);
            Wire.put16(c.bytes, fixed - 2, length);
            data.read(offset, c.bytes, fixed, length);
            c.hasPacket = true;
            c.fragmentLength = length;
            queueOutgoing(peer, c);
        }
        stats.countPacketSent();
        return true;
    }

    /** Whether a packet of {@code length} bytes fits in the peer's outgoing queue now (maxQueuedBytesPerPeer). */
    boolean canQueue(Peer peer, int length) {
        return peer.queuedBytes + length <= config.maxQueuedBytesPerPeer();
    }

    /** Bytes queued to {@code peerId}, in flight or waiting for retransmission. */
    public long queuedBytes(int peerId) {
        return requirePeer(peerId).queuedBytes;
    }

    /** enet_peer_disconnect. */
    public void disconnect(int peerId, int data) {
        requireOpen();
        Peer peer = peerOrNull(peerId);
        if (peer == null) {
            return;
        }
        discardPendingEvents(peer);
        gracefulDisconnect(peer, data);
    }

    /** enet_peer_disconnect_now. */
    public void disconnectNow(int peerId, int data) {
        requireOpen();
        Peer peer = peerOrNull(peerId);
        if (peer == null || peer.state == PeerState.DISCONNECTED) {
            return;
        }
        if (peer.state != PeerState.ZOMBIE && peer.state != PeerState.DISCONNECTING) {
            resetQueues(peer);
            queueDisconnect(peer, data, false);
            sender.flush(peer, farewells);
        }
        discardPendingEvents(peer);
        resetPeer(peer);
    }

    /** enet_peer_disconnect_later. */
    public void disconnectLater(int peerId, int data) {
        requireOpen();
        Peer peer = peerOrNull(peerId);
        if (peer == null) {
            return;
        }
        if (PeerState.carriesData(peer.state) && !peer.outgoingIdle()) {
            changeState(peer, PeerState.DISCONNECT_LATER);
            peer.eventData = data;
        } else {
            discardPendingEvents(peer);
            gracefulDisconnect(peer, data);
        }
    }

    /** enet_peer_reset: forgets the connection without a word to the remote. */
    public void reset(int peerId) {
        requireOpen();
        Peer peer = peerOrNull(peerId);
        if (peer == null) {
            return;
        }
        discardPendingEvents(peer);
        resetPeer(peer);
    }

    /** enet_peer_throttle_configure: sets the throttle locally and tells the remote. */
    public void throttleConfigure(int peerId, int intervalMillis, int acceleration, int deceleration) {
        requireOpen();
        Peer peer = peerOrNull(peerId);
        if (peer == null || !PeerState.carriesData(peer.state)) {
            return;
        }
        peer.packetThrottleInterval = intervalMillis & 0xFFFF_FFFFL;
        peer.packetThrottleAcceleration = acceleration & 0xFFFF_FFFFL;
        peer.packetThrottleDeceleration = deceleration & 0xFFFF_FFFFL;
        OutgoingCommand c = pool.acquireOutgoing();
        c.begin(Protocol.THROTTLE_CONFIGURE | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL,
                Protocol.commandSize(Protocol.THROTTLE_CONFIGURE), 0);
        Wire.put32(c.bytes, 4, intervalMillis);
        Wire.put32(c.bytes, 8, acceleration);
        Wire.put32(c.bytes, 12, deceleration);
        queueOutgoing(peer, c);
    }

    /** enet_peer_timeout: 0 keeps the default for that value. */
    public void timeout(int peerId, int limit, int minimumMillis, int maximumMillis) {
        Peer peer = requirePeer(peerId);
        peer.timeoutLimit = limit > 0 ? limit : Protocol.TIMEOUT_LIMIT;
        peer.timeoutMinimum = minimumMillis > 0 ? minimumMillis : Protocol.TIMEOUT_MINIMUM;
        peer.timeoutMaximum = maximumMillis > 0 ? maximumMillis : Protocol.TIMEOUT_MAXIMUM;
        touch(peer);
    }

    /** enet_peer_ping_interval: 0 restores the 500 ms default. */
    public void pingInterval(int peerId, int millis) {
        Peer peer = requirePeer(peerId);
        peer.pingInterval = millis > 0 ? millis : Protocol.PING_INTERVAL;
        touch(peer);
    }

    public EnetConfig config() {
        return config;
    }

    public EnetEngineStats stats() {
        return stats;
    }

    public boolean isConnected(int peerId) {
        Peer peer = peerOrNull(peerId);
        return peer != null && peer.state == PeerState.CONNECTED;
    }

    public int channelCount(int peerId) {
        return requirePeer(peerId).channelCount;
    }

    public long endpoint(int peerId) {
        return requirePeer(peerId).endpoint;
    }

    public int roundTripTimeMillis(int peerId) {
        return requirePeer(peerId).roundTripTime;
    }

    public int mtu(int peerId) {
        return requirePeer(peerId).mtu;
    }

    public int packetThrottle(int peerId) {
        return requirePeer(peerId).packetThrottle;
    }

    public int windowSize(int peerId) {
        return requirePeer(peerId).windowSize;
    }

    /** Whether the slot is in any state other than DISCONNECTED (handshakes included). */
    public boolean isActive(int peerId) {
        Peer peer = peerOrNull(peerId);
        return peer != null && peer.state != PeerState.DISCONNECTED;
    }

    public int halfOpenConnections() {
        return handshake.halfOpen();
    }

    /** The id the remote gave us for its headers (0xFFF until the handshake says). */
    public int outgoingPeerId(int peerId) {
        return requirePeer(peerId).outgoingPeerId;
    }

    /** The session id we put in our headers to {@code peerId}. */
    public int outgoingSessionId(int peerId) {
        return requirePeer(peerId).outgoingSessionId;
    }

    public int outgoingCommandsInUse() {
        return pool.outgoingInUse();
    }

    public int incomingCommandsInUse() {
        return pool.incomingInUse();
    }

    public long bufferedBytes() {
        return budget.charged();
    }

    public long pooledBytes() {
        return pool.pooledBytes();
    }

    public Throwable lastInternalError() {
        return lastInternalError;
    }

    public long nextServiceMillis(long nowMillis) {
        if (!farewells.isEmpty()) {
            return nowMillis;
        }
        long next = schedule.nextServiceMillis(nowMillis);
        if (connectedPeers > 0 || recalculateBandwidthLimits) {
            next = Math.min(next, bandwidthThrottleEpoch == Peer.NEVER ? nowMillis : bandwidthThrottleEpoch + Protocol.BANDWIDTH_THROTTLE_INTERVAL);
        }
        return Math.max(next, nowMillis);
    }

    public void close() {
        if (closed) {
            return;
        }
        for (Peer peer : peers) {
            resetQueues(peer);
        }
        while (events.size() > 0) {
            IncomingCommand packet = events.headPacket();
            events.removeHead();
            if (packet != null) {
                budget.release(null, packet);
                pool.release(packet);
            }
        }
        pool.close();
        closed = true;
    }

    // ---------------------------------------------------------------- lifecycle used by Receiver and Sender

    /** The payload bytes of one fragment at this peer's MTU: mtu - 4 - 24 (- 4 with checksums). */
    int fragmentPayloadSize(Peer peer) {
        return peer.mtu - Protocol.HEADER_SIZE - Protocol.FRAGMENT_COMMAND_SIZE - (config.checksum() ? Protocol.CHECKSUM_SIZE : 0);
    }

    /** The free slot libenet would take (the lowest), or null. */
    Peer lowestFreeSlot() {
        int slot = directory.lowestFree();
        return slot < 0 ? null : peers[slot];
    }

    /** Whether a slot is free for a new connection. */
    boolean hasFreeSlot() {
        return directory.hasFree();
    }

    /** Whether an established peer stands for this connection (a CONNECT from it is a retransmission). */
    boolean hasConnection(long endpoint, int connectId) {
        return directory.hasConnection(endpoint, connectId);
    }

    /** Something happened to {@code peer}: the next service pass visits it. */
    void touch(Peer peer) {
        schedule.mark(peer);
    }

    // ---------------------------------------------------------------- wire ids, addresses, randomness

    /**
     * A secret seed for one of the engine's hash tables, named by {@code table}; drawn apart from
     * {@link #randomBits}, so adding a table does not change the random bits the wire sees.
     */
    long tableSeed(long table) {
        return prf.hash(-1, table);
    }

    /** 64 unpredictable bits (SipHash of a counter under the seed-derived key). */
    long randomBits() {
        return prf.hash(randomCounter++, 0x656e65742d726e67L);
    }

    /** A random wire id nobody uses, or -1 when all 4095 are taken. */
    int unusedWireId() {
        long bits = randomBits();
        for (int attempt = 0; attempt < 5; attempt++, bits >>>= 12) {
            int id = (int) (bits & 0xFFF);
            if (id < wireOwners.length && wireOwners[id] == 0) {
                return id;
            }
        }
        int start = (int) (bits % wireOwners.length);
        for (int i = 0; i < wireOwners.length; i++) {
            int id = (start + i) % wireOwners.length;
            if (wireOwners[id] == 0) {
                return id;
            }
        }
        return -1;
    }

    void bindWireToPeer(int wireId, Peer peer) {
        wireOwners[wireId] = peer.incomingPeerId + 1;
        peer.wireId = wireId;
    }

    void bindWireToHandshake(int wireId, int record) {
        wireOwners[wireId] = -(record + 1);
    }

    void unbindWire(int wireId) {
        wireOwners[wireId] = 0;
    }

    /** The owner of a wire id from a header: see {@link #wireOwners}. */
    int wireOwner(int wireId) {
        return wireId < wireOwners.length ? wireOwners[wireId] : 0;
    }

    /** The IPv4 address of a packed endpoint. */
    static long addressOf(long endpoint) {
        return endpoint >>> 16;
    }

    /** Slots in use by the IPv4 address {@code address}. */
    int peersFromAddress(long address) {
        return directory.peersFromAddress(address);
    }

    /** Sends a datagram outside a service pass (handshake replies, farewells): it leaves on the next service call. */
    void sendNow(long endpoint, BytesStore<?, ?> data, int length) {
        farewells.send(endpoint, data, 0, length);
    }

    /**
     * Moves a peer to {@code next}, keeping the connected / half-open counts (enet_peer_on_connect/on_disconnect),
     * the {@link PeerDirectory} and the {@link ServiceSchedule} up to date.
     */
    void changeState(Peer peer, int next) {
        int previous = peer.state;
        boolean wasConnected = PeerState.carriesData(previous);
        boolean isConnected = PeerState.carriesData(next);
        if (wasConnected && !isConnected) {
            if (peer.incomingBandwidth != 0) {
                bandwidthLimitedPeers--;
            }
            connectedPeers--;
            recalculateBandwidthLimits = true;
        } else if (!wasConnected && isConnected) {
            if (peer.incomingBandwidth != 0) {
                bandwidthLimitedPeers++;
            }
            connectedPeers++;
        }
        directory.stateChanged(peer, previous, next);
        peer.state = next;
        if (next == PeerState.DISCONNECTED) {
            schedule.forget(peer);
        } else {
            schedule.mark(peer);
        }
    }

    /** Assigns sequence numbers and queues the command (enet_peer_setup_outgoing_command). */
    void queueOutgoing(Peer peer, OutgoingCommand c) {
        peer.outgoingDataTotal += c.length;
        peer.queuedBytes += c.length;
        c.queueOrder = peer.nextQueueOrder++;
        if (c.channel == Protocol.SYSTEM_CHANNEL) {
            peer.outgoingReliableSequence = (peer.outgoingReliableSequence + 1) & 0xFFFF;
            c.patchReliableSequence(peer.outgoingReliableSequence);
        } else {
            Channel channel = peer.channels[c.channel];
            if ((c.command & Protocol.FLAG_ACKNOWLEDGE) != 0) {
                channel.outgoingReliableSequence = (channel.outgoingReliableSequence + 1) & 0xFFFF;
                channel.outgoingUnreliableSequence = 0;
                c.patchReliableSequence(channel.outgoingReliableSequence);
            } else if ((c.command & Protocol.FLAG_UNSEQUENCED) != 0) {
                peer.outgoingUnsequencedGroup = (peer.outgoingUnsequencedGroup + 1) & 0xFFFF;
                c.patchReliableSequence(0);
            } else {
                if (c.fragmentOffset == 0) {
                    channel.outgoingUnreliableSequence++;
                }
                c.patchReliableSequence(channel.outgoingReliableSequence);
                c.unreliableSequence = channel.outgoingUnreliableSequence;
            }
        }
        if (c.number() == Protocol.SEND_UNRELIABLE) {
            Wire.put16(c.bytes, 4, c.unreliableSequence);
        } else if (c.number() == Protocol.SEND_UNSEQUENCED) {
            Wire.put16(c.bytes, 4, peer.outgoingUnsequencedGroup);
        }
        if ((c.command & Protocol.FLAG_ACKNOWLEDGE) != 0) {
            peer.outgoingReliable.addLast(c);
        } else {
            peer.outgoingUnreliable.addLast(c);
        }
        schedule.mark(peer);
    }

    void queueDisconnect(Peer peer, int data, boolean reliable) {
        OutgoingCommand c = pool.acquireOutgoing();
        int flag = reliable ? Protocol.FLAG_ACKNOWLEDGE : Protocol.FLAG_UNSEQUENCED;
        c.begin(Protocol.DISCONNECT | flag, Protocol.SYSTEM_CHANNEL, Protocol.commandSize(Protocol.DISCONNECT), 0);
        Wire.put32(c.bytes, 4, data);
        queueOutgoing(peer, c);
    }

    /** enet_peer_ping: only connected peers ping. */
    void ping(Peer peer) {
        if (peer.state != PeerState.CONNECTED) {
            return;
        }
        OutgoingCommand c = pool.acquireOutgoing();
        c.begin(Protocol.PING | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL, Protocol.commandSize(Protocol.PING), 0);
        queueOutgoing(peer, c);
    }

    /** The body of enet_peer_disconnect (the caller decides about pending events). */
    void gracefulDisconnect(Peer peer, int data) {
        int state = peer.state;
        if (state == PeerState.DISCONNECTING || state == PeerState.DISCONNECTED
                || state == PeerState.ACKNOWLEDGING_DISCONNECT || state == PeerState.ZOMBIE) {
            return;
        }
        resetQueues(peer);
        boolean connected = PeerState.carriesData(state);
        queueDisconnect(peer, data, connected);
        if (connected) {
            changeState(peer, PeerState.DISCONNECTING);
        } else {
            sender.flush(peer, farewells);
            resetPeer(peer);
        }
    }

    /** Finds and removes the acknowledged command; returns its command number or 0 (libenet's remove_sent_reliable_command). */
    int removeSentReliable(Peer peer, int sequence, int channelId) {
        OutgoingCommand c = findReliable(peer, sequence, channelId);
        return c == null ? 0 : acknowledge(peer, c);
    }

    /** The sent (or sent and queued for retransmission) reliable command with this sequence and channel, or null. */
    OutgoingCommand findReliable(Peer peer, int sequence, int channelId) {
        OutgoingCommand c = peer.sentReliable.first();
        while (c != null && !(c.reliableSequence == sequence && c.channel == channelId)) {
            c = peer.sentReliable.next(c);
        }
        if (c != null) {
            return c;
        }
        c = peer.outgoingReliable.first();
        while (c != null) {
            if (c.sendAttempts < 1) {
                return null;
            }
            if (c.reliableSequence == sequence && c.channel == channelId) {
                return c;
            }
            c = peer.outgoingReliable.next(c);
        }
        return null;
    }

    /** Removes an acknowledged command and frees its window; returns its command number. */
    int acknowledge(Peer peer, OutgoingCommand c) {
        int channelId = c.channel;
        if (channelId < peer.channelCount) {
            Channel channel = peer.channels[channelId];
            int window = c.reliableSequence / Protocol.RELIABLE_WINDOW_SIZE;
            if (channel.reliableWindows[window] > 0) {
                if (--channel.reliableWindows[window] == 0) {
                    channel.usedReliableWindows &= ~(1 << window);
                }
            }
        }
        int number = c.number();
        if (c.owner == peer.sentReliable) {
            peer.sentReliable.remove(c);
            if (c.hasPacket) {
                peer.reliableDataInTransit -= c.fragmentLength;
            }
        } else {
            peer.outgoingReliable.remove(c);
        }
        releaseOutgoing(peer, c);
        peer.windowBlocked = false;
        OutgoingCommand first = peer.sentReliable.first();
        if (first != null) {
            peer.nextTimeout = first.sentTime + first.roundTripTimeout;
        }
        return number;
    }

    void notifyConnect(Peer peer, int eventData) {
        recalculateBandwidthLimits = true;
        peer.incomingRate.reset(config, now);
        changeState(peer, PeerState.CONNECTED);
        events.add(EventQueue.CONNECTED, peer.incomingPeerId, peer.endpoint, eventData, null);
    }

    /** A timeout or the acknowledged DISCONNECT: half-open server slots vanish silently, others report. */
    void notifyDisconnect(Peer peer) {
        if (peer.state >= PeerState.CONNECTION_PENDING) {
            recalculateBandwidthLimits = true;
        }
        if (peer.state != PeerState.CONNECTING && peer.state < PeerState.CONNECTION_SUCCEEDED) {
            resetPeer(peer);
        } else {
            zombie(peer, 0);
        }
    }

    /** The connection is over: report it and free the slot. */
    void zombie(Peer peer, int data) {
        events.add(EventQueue.DISCONNECTED, peer.incomingPeerId, peer.endpoint, data, null);
        resetPeer(peer);
    }

    /** enet_peer_reset: back to a free slot (session ids survive, as in libenet). */
    void resetPeer(Peer peer) {
        changeState(peer, PeerState.DISCONNECTED);
        if (peer.wireId >= 0) {
            unbindWire(peer.wireId);
            peer.wireId = -1;
        }
        resetQueues(peer);
        peer.resetTimingAndLimits(config.mtu());
        peer.waitingData = 0;
        peer.waitingCountedFrom = events.nextSequence();
    }

    /** enet_peer_reset_queues: drops everything queued in either direction and closes the channels. */
    void resetQueues(Peer peer) {
        peer.acknowledgements.clear();
        releaseAll(peer.sentReliable);
        releaseAll(peer.outgoingReliable);
        releaseAll(peer.outgoingUnreliable);
        peer.queuedBytes = 0;
        queues.dropAll(peer);
        peer.channelCount = 0;
        peer.reliableDataInTransit = 0;
        peer.windowBlocked = false;
    }

    /** Hands a completed packet to the event queue; its charge moves to the peer's waiting data. */
    void deliver(Peer peer, IncomingCommand packet) {
        budget.move(peer, packet, ReceiveBudget.DELIVERED);
        stats.countPacketReceived();
        events.add(EventQueue.RECEIVED, peer.incomingPeerId, peer.endpoint, 0, packet);
    }

    /** Drops a received command that will never be delivered, returning its memory charge. */
    void dropIncoming(Peer peer, IncomingCommand c) {
        budget.release(peer, c);
        pool.release(c);
    }

    /** Returns a command that left every queue to the pool, taking it off the peer's queued bytes. */
    void releaseOutgoing(Peer peer, OutgoingCommand c) {
        peer.queuedBytes -= c.length;
        pool.release(c);
    }

    private void releaseAll(NodeList<OutgoingCommand> list) {
        OutgoingCommand c;
        while ((c = list.poll()) != null) {
            pool.release(c);
        }
    }

    private void discardPendingEvents(Peer peer) {
        peer.discardEventsBefore = events.nextSequence();
    }

    private Peer peerOrNull(int peerId) {
        return peerId >= 0 && peerId < peers.length ? peers[peerId] : null;
    }

    private Peer requirePeer(int peerId) {
        if (peerId < 0 || peerId >= peers.length) {
            throw new IllegalArgumentException("peer id " + peerId + " is not a slot of this host (0.." + (peers.length - 1) + ")");
        }
        return peers[peerId];
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the ENet engine is closed; create a new one");
        }
    }

    private void internalError(RuntimeException e) {
        stats.countDrop(DropReason.INTERNAL_ERROR);
        lastInternalError = e;
    }
}

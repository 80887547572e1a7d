package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;

/** One slot of the host: a connection's state, queues and timers (libenet's ENetPeer). */
final class Peer {
    /** "Never happened" for the millisecond timestamps below. */
    static final long NEVER = Long.MIN_VALUE / 4;
    /** The longest round trip an ACK can claim; longer samples are forged or meaningless. */
    static final int MAX_ROUND_TRIP_SAMPLE = 10_000;
    /** The longest first retransmission timer, however large the estimates (it doubles from there). */
    static final long MAX_RETRANSMIT_TIMEOUT = 10_000;
    /** Acknowledgements waiting to be sent, packed by {@link #packAck}. */
    static final int MAX_QUEUED_ACKS = 16384;

    final int incomingPeerId;
    /** The random id remotes put in their headers to reach this slot; -1 while free. */
    int wireId = -1;
    int state = PeerState.DISCONNECTED;
    int outgoingPeerId = Protocol.MAXIMUM_PEER_ID;
    /** Session ids survive resets, as in libenet; 0xFF means "never used". */
    int incomingSessionId = 0xFF;
    int outgoingSessionId = 0xFF;
    int connectId;
    long endpoint;
    int mtu;
    int windowSize;
    int channelCount;
    Channel[] channels = new Channel[0];

    long incomingBandwidth;
    long outgoingBandwidth;
    long incomingBandwidthThrottleEpoch;
    long outgoingBandwidthThrottleEpoch;
    long outgoingDataTotal;
    /** The next {@link OutgoingCommand#queueOrder}. */
    long nextQueueOrder;

    int packetThrottle;
    int packetThrottleLimit;
    int packetThrottleCounter;
    long packetThrottleEpoch;
    long packetThrottleInterval;
    long packetThrottleAcceleration;
    long packetThrottleDeceleration;

    long lastReceiveTime;
    long nextTimeout;
    long earliestTimeout;

    int roundTripTime;
    int roundTripTimeVariance;
    int lastRoundTripTime;
    int lastRoundTripTimeVariance;
    int lowestRoundTripTime;
    int highestRoundTripTimeVariance;

    int timeoutLimit;
    int timeoutMinimum;
    int timeoutMaximum;
    int pingInterval;

    int outgoingReliableSequence;
    int incomingUnsequencedGroup;
    int outgoingUnsequencedGroup;
    final int[] unsequencedWindow = new int[Protocol.UNSEQUENCED_WINDOW_SIZE / 32];

    int reliableDataInTransit;
    /** Bytes of commands queued, in flight or waiting for retransmission (capped by maxQueuedBytesPerPeer). */
    long queuedBytes;
    int eventData;
    /** Bytes charged ({@link ReceiveBudget}) for delivered packets not yet polled by the application. */
    long waitingData;
    /** Bytes charged for fragment groups, from their first fragment until they are delivered. */
    long reassemblyBytes;
    /** Bytes charged for whole commands waiting for an earlier sequence number. */
    long outOfOrderBytes;
    /** Set while reliable commands wait for room in the window, so service need not spin. */
    boolean windowBlocked;

    /** Events of this slot queued before this sequence number are discarded (local reset). */
    long discardEventsBefore;
    /** Packet events queued before this sequence number no longer count in {@link #waitingData}. */
    long waitingCountedFrom;

    final IncomingRate incomingRate = new IncomingRate();
    final LongQueue acknowledgements = new LongQueue();
    final NodeList<OutgoingCommand> outgoingReliable = new NodeList<>();
    final NodeList<OutgoingCommand> outgoingUnreliable = new NodeList<>();
    final NodeList<OutgoingCommand> sentReliable = new NodeList<>();
    /** This peer's reliable commands and fragment groups in the host's {@link ReliableIndex}, for a reset. */
    final NodeList<IncomingCommand> reliableQueue = new NodeList<>();

    Peer(int incomingPeerId) {
        this.incomingPeerId = incomingPeerId;
    }

    static long packAck(int channel, int sequence, int sentTime, boolean disconnect) {
        return (disconnect ? 1L << 40 : 0L) | (long) channel << 32 | (long) sequence << 16 | sentTime;
    }

    static int ackChannel(long ack) {
        return (int) (ack >>> 32) & 0xFF;
    }

    static int ackSequence(long ack) {
        return (int) (ack >>> 16) & 0xFFFF;
    }

    static int ackSentTime(long ack) {
        return (int) ack & 0xFFFF;
    }

    static boolean ackIsDisconnect(long ack) {
        return (ack & 1L << 40) != 0;
    }

    /** Makes {@code count} channels available with fresh sequence state. */
    void openChannels(int count) {
        if (channels.length < count) {
            Channel[] grown = java.util.Arrays.copyOf(channels, count);
            for (int i = channels.length; i < count; i++) {
                grown[i] = new Channel();
            }
            channels = grown;
        }
        for (int i = 0; i < count; i++) {
            channels[i].resetSequences();
        }
        channelCount = count;
    }

    /** Defaults of a free slot (the timing part of enet_peer_reset). */
    void resetTimingAndLimits(int hostMtu) {
        outgoingPeerId = Protocol.MAXIMUM_PEER_ID;
        connectId = 0;
        incomingBandwidth = 0;
        outgoingBandwidth = 0;
        incomingBandwidthThrottleEpoch = NEVER;
        outgoingBandwidthThrottleEpoch = NEVER;
        outgoingDataTotal = 0;
        lastReceiveTime = NEVER;
        nextTimeout = NEVER;
        earliestTimeout = NEVER;
        packetThrottle = Protocol.DEFAULT_PACKET_THROTTLE;
        packetThrottleLimit = Protocol.PACKET_THROTTLE_SCALE;
        packetThrottleCounter = 0;
        packetThrottleEpoch = NEVER;
        packetThrottleAcceleration = Protocol.PACKET_THROTTLE_ACCELERATION;
        packetThrottleDeceleration = Protocol.PACKET_THROTTLE_DECELERATION;
        packetThrottleInterval = Protocol.PACKET_THROTTLE_INTERVAL;
        pingInterval = Protocol.PING_INTERVAL;
        timeoutLimit = Protocol.TIMEOUT_LIMIT;
        timeoutMinimum = Protocol.TIMEOUT_MINIMUM;
        timeoutMaximum = Protocol.TIMEOUT_MAXIMUM;
        lastRoundTripTime = Protocol.DEFAULT_ROUND_TRIP_TIME;
        lowestRoundTripTime = Protocol.DEFAULT_ROUND_TRIP_TIME;
        lastRoundTripTimeVariance = 0;
        highestRoundTripTimeVariance = 0;
        roundTripTime = Protocol.DEFAULT_ROUND_TRIP_TIME;
        roundTripTimeVariance = 0;
        mtu = hostMtu;
        reliableDataInTransit = 0;
        outgoingReliableSequence = 0;
        windowSize = Protocol.MAXIMUM_WINDOW_SIZE;
        incomingUnsequencedGroup = 0;
        outgoingUnsequencedGroup = 0;
        eventData = 0;
        windowBlocked = false;
        java.util.Arrays.fill(unsequencedWindow, 0);
    }

    /** Whether nothing is queued or in flight (the DISCONNECT_LATER condition). */
    boolean outgoingIdle() {
        return outgoingReliable.isEmpty() && outgoingUnreliable.isEmpty() && sentReliable.isEmpty();
    }

    /** libenet's enet_peer_throttle: adapts the packet throttle to one RTT sample. */
    void throttle(int rtt) {
        if (lastRoundTripTime <= lastRoundTripTimeVariance) {
            packetThrottle = packetThrottleLimit;
        } else if (rtt <= lastRoundTripTime) {
            packetThrottle = (int) Math.min(packetThrottleLimit, packetThrottle + packetThrottleAcceleration);
        } else if (rtt > lastRoundTripTime + 2L * lastRoundTripTimeVariance) {
            packetThrottle = (int) Math.max(0, packetThrottle - packetThrottleDeceleration);
        }
    }

    /** Folds an RTT sample into the estimates (libenet's handle_acknowledge arithmetic). */
    void sampleRoundTrip(int rtt, long now) {
        if (lastReceiveTime != NEVER) {
            throttle(rtt);
            roundTripTimeVariance -= roundTripTimeVariance / 4;
            if (rtt >= roundTripTime) {
                int diff = rtt - roundTripTime;
                roundTripTimeVariance += diff / 4;
                roundTripTime += diff / 8;
            } else {
                int diff = roundTripTime - rtt;
                roundTripTimeVariance += diff / 4;
                roundTripTime -= diff / 8;
            }
        } else {
            roundTripTime = rtt;
            roundTripTimeVariance = (rtt + 1) / 2;
        }
        if (roundTripTime < lowestRoundTripTime) {
            lowestRoundTripTime = roundTripTime;
        }
        if (roundTripTimeVariance > highestRoundTripTimeVariance) {
            highestRoundTripTimeVariance = roundTripTimeVariance;
        }
        if (packetThrottleEpoch == NEVER || now - packetThrottleEpoch >= packetThrottleInterval) {
            lastRoundTripTime = lowestRoundTripTime;
            lastRoundTripTimeVariance = Math.max(highestRoundTripTimeVariance, 1);
            lowestRoundTripTime = roundTripTime;
            highestRoundTripTimeVariance = roundTripTimeVariance;
            packetThrottleEpoch = now;
        }
        lastReceiveTime = now;
        earliestTimeout = NEVER;
    }
}

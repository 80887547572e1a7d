package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.protocol.Protocol;
import dev.entitynet.transport.enet.protocol.Wire;

/**
 * The once-a-second bandwidth pass (libenet's enet_host_bandwidth_throttle): derives each peer's
 * packet-throttle limit from what was queued to it against the host's outgoing and the peer's
 * incoming bandwidth, and after a connect or disconnect shares the host's incoming bandwidth
 * among the peers and tells each one with BANDWIDTH_LIMIT.
 */
final class BandwidthThrottle {
    private final Host host;

    BandwidthThrottle(Host host) {
        this.host = host;
    }

    void run() {
        long now = host.now;
        long elapsed = now - host.bandwidthThrottleEpoch;
        host.bandwidthThrottleEpoch = now;
        int peersRemaining = host.connectedPeers;
        if (peersRemaining == 0) {
            return;
        }
        long dataTotal = Long.MAX_VALUE;
        long bandwidth = Long.MAX_VALUE;
        if (host.config.outgoingBandwidth() != 0) {
            dataTotal = 0;
            bandwidth = host.config.outgoingBandwidth() * elapsed / 1000;
            for (Peer peer : host.peers) {
                if (PeerState.carriesData(peer.state)) {
                    dataTotal += peer.outgoingDataTotal;
                }
            }
        }
        boolean needsAdjustment = host.bandwidthLimitedPeers > 0;
        while (peersRemaining > 0 && needsAdjustment) {
            needsAdjustment = false;
            long throttle = throttleFor(dataTotal, bandwidth);
            for (Peer peer : host.peers) {
                if (!PeerState.carriesData(peer.state) || peer.incomingBandwidth == 0
                        || peer.outgoingBandwidthThrottleEpoch == now) {
                    continue;
                }
                long peerBandwidth = peer.incomingBandwidth * elapsed / 1000;
                if (throttle * peer.outgoingDataTotal / Protocol.PACKET_THROTTLE_SCALE <= peerBandwidth) {
                    continue;
                }
                peer.packetThrottleLimit = (int) Math.max(1, Math.min(Protocol.PACKET_THROTTLE_SCALE,
                        peerBandwidth * Protocol.PACKET_THROTTLE_SCALE / peer.outgoingDataTotal));
                if (peer.packetThrottle > peer.packetThrottleLimit) {
                    peer.packetThrottle = peer.packetThrottleLimit;
                }
                peer.outgoingBandwidthThrottleEpoch = now;
                peer.outgoingDataTotal = 0;
                needsAdjustment = true;
                peersRemaining--;
                bandwidth -= peerBandwidth;
                dataTotal -= peerBandwidth;
            }
        }
        if (peersRemaining > 0) {
            int throttle = (int) throttleFor(dataTotal, bandwidth);
            for (Peer peer : host.peers) {
                if (!PeerState.carriesData(peer.state) || peer.outgoingBandwidthThrottleEpoch == now) {
                    continue;
                }
                peer.packetThrottleLimit = throttle;
                if (peer.packetThrottle > peer.packetThrottleLimit) {
                    peer.packetThrottle = peer.packetThrottleLimit;
                }
                peer.outgoingDataTotal = 0;
            }
        }
        if (host.recalculateBandwidthLimits) {
            host.recalculateBandwidthLimits = false;
            sendBandwidthLimits(now);
        }
    }

    private static long throttleFor(long dataTotal, long bandwidth) {
        if (dataTotal <= bandwidth) {
            return Protocol.PACKET_THROTTLE_SCALE;
        }
        return Math.max(0, bandwidth) * Protocol.PACKET_THROTTLE_SCALE / dataTotal;
    }

    /** Shares the host's incoming bandwidth and queues BANDWIDTH_LIMIT to every connected peer. */
    private void sendBandwidthLimits(long now) {
        int peersRemaining = host.connectedPeers;
        long bandwidth = host.config.incomingBandwidth();
        long bandwidthLimit = 0;
        boolean needsAdjustment = true;
        if (bandwidth != 0) {
            while (peersRemaining > 0 && needsAdjustment) {
                needsAdjustment = false;
                bandwidthLimit = bandwidth / peersRemaining;
                for (Peer peer : host.peers) {
                    if (!PeerState.carriesData(peer.state) || peer.incomingBandwidthThrottleEpoch == now) {
                        continue;
                    }
                    if (peer.outgoingBandwidth > 0 && peer.outgoingBandwidth >= bandwidthLimit) {
                        continue;
                    }
                    peer.incomingBandwidthThrottleEpoch = now;
                    needsAdjustment = true;
                    peersRemaining--;
                    bandwidth -= peer.outgoingBandwidth;
                }
            }
        }
        for (Peer peer : host.peers) {
            if (!PeerState.carriesData(peer.state)) {
                continue;
            }
            OutgoingCommand c = host.pool.acquireOutgoing();
            c.begin(Protocol.BANDWIDTH_LIMIT | Protocol.FLAG_ACKNOWLEDGE, Protocol.SYSTEM_CHANNEL,
                    Protocol.commandSize(Protocol.BANDWIDTH_LIMIT), 0);
            long incoming = peer.incomingBandwidthThrottleEpoch == now ? peer.outgoingBandwidth : bandwidthLimit;
            Wire.put32(c.bytes, 4, incoming);
            Wire.put32(c.bytes, 8, host.config.outgoingBandwidth());
            host.queueOutgoing(peer, c);
        }
    }
}

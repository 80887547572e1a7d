package dev.entitynet.transport.enet;

/**
 * Host settings, as {@code enet_host_create} takes them, plus the engine's memory caps.
 *
 * @param peerLimit slots, 1..4095
 * @param channelLimit most channels a connection may use, 1..255
 * @param incomingBandwidth bytes per second this host accepts, 0 = unlimited
 * @param outgoingBandwidth bytes per second this host sends, 0 = unlimited
 * @param mtu largest datagram this host sends, 576..4096 (libenet 1.3.17 uses 1400)
 * @param maxPacketSize largest packet sent or accepted
 * @param checksum CRC-32 after the header, as libenet's {@code enet_crc32}; both ends must agree
 * @param maxHalfOpenConnections handshakes in progress (server side) before further CONNECTs are dropped
 * @param maxReassemblyBytesPerPeer bytes of incomplete fragmented packets one peer may hold; a
 *     fragmented packet larger than this cannot be received
 */
public record EnetConfig(int peerLimit, int channelLimit, int incomingBandwidth, int outgoingBandwidth, int mtu,
                         int maxPacketSize, boolean checksum, int maxHalfOpenConnections,
                         int maxReassemblyBytesPerPeer) {
    /** libenet's ENET_PROTOCOL_MAXIMUM_PEER_ID: peer ids are 12 bits and 0xFFF means "none". */
    public static final int MAX_PEERS = 4095;
    /** Channel ids are a byte and 0xFF is the system channel. */
    public static final int MAX_CHANNELS = 255;
    /** ENET_PROTOCOL_MINIMUM_MTU. */
    public static final int MIN_MTU = 576;
    /** ENET_PROTOCOL_MAXIMUM_MTU: also the largest datagram the engine accepts. */
    public static final int MAX_MTU = 4096;
    /** libenet 1.3.17's ENET_HOST_DEFAULT_MTU. */
    public static final int DEFAULT_MTU = 1400;
    /** ENET_HOST_DEFAULT_MAXIMUM_PACKET_SIZE. */
    public static final int DEFAULT_MAX_PACKET_SIZE = 32 * 1024 * 1024;

    private static final EnetConfig DEFAULTS = new EnetConfig(32, MAX_CHANNELS, 0, 0, DEFAULT_MTU,
            DEFAULT_MAX_PACKET_SIZE, false, 64, 4 * 1024 * 1024);

    /** Validates every field; the message names the field and its range. */
    public EnetConfig {
        requireRange("peerLimit", peerLimit, 1, MAX_PEERS);
        requireRange("channelLimit", channelLimit, 1, MAX_CHANNELS);
        requireRange("incomingBandwidth", incomingBandwidth, 0, Integer.MAX_VALUE);
        requireRange("outgoingBandwidth", outgoingBandwidth, 0, Integer.MAX_VALUE);
        requireRange("mtu", mtu, MIN_MTU, MAX_MTU);
        requireRange("maxPacketSize", maxPacketSize, 1, Integer.MAX_VALUE);
        requireRange("maxHalfOpenConnections", maxHalfOpenConnections, 1, MAX_PEERS);
        requireRange("maxReassemblyBytesPerPeer", maxReassemblyBytesPerPeer, 1, Integer.MAX_VALUE);
    }

    /** 32 peers, 255 channels, unlimited bandwidth, MTU 1400, 32 MiB packets, no checksum, 64 half-open, 4 MiB reassembly. */
    public static EnetConfig defaults() {
        return DEFAULTS;
    }

    /** This config with another peer limit (1..4095). */
    public EnetConfig withPeerLimit(int value) {
        return new EnetConfig(value, channelLimit, incomingBandwidth, outgoingBandwidth, mtu, maxPacketSize, checksum,
                maxHalfOpenConnections, maxReassemblyBytesPerPeer);
    }

    /** This config with another channel limit (1..255). */
    public EnetConfig withChannelLimit(int value) {
        return new EnetConfig(peerLimit, value, incomingBandwidth, outgoingBandwidth, mtu, maxPacketSize, checksum,
                maxHalfOpenConnections, maxReassemblyBytesPerPeer);
    }

    /** This config with other bandwidths in bytes per second (0 = unlimited). */
    public EnetConfig withBandwidth(int incoming, int outgoing) {
        return new EnetConfig(peerLimit, channelLimit, incoming, outgoing, mtu, maxPacketSize, checksum,
                maxHalfOpenConnections, maxReassemblyBytesPerPeer);
    }

    /** This config with another MTU (576..4096). */
    public EnetConfig withMtu(int value) {
        return new EnetConfig(peerLimit, channelLimit, incomingBandwidth, outgoingBandwidth, value, maxPacketSize, checksum,
                maxHalfOpenConnections, maxReassemblyBytesPerPeer);
    }

    /** This config with another maximum packet size. */
    public EnetConfig withMaxPacketSize(int value) {
        return new EnetConfig(peerLimit, channelLimit, incomingBandwidth, outgoingBandwidth, mtu, value, checksum,
                maxHalfOpenConnections, maxReassemblyBytesPerPeer);
    }

    /** This config with the CRC-32 checksum on or off. */
    public EnetConfig withChecksum(boolean value) {
        return new EnetConfig(peerLimit, channelLimit, incomingBandwidth, outgoingBandwidth, mtu, maxPacketSize, value,
                maxHalfOpenConnections, maxReassemblyBytesPerPeer);
    }

    /** This config with another cap on handshakes in progress. */
    public EnetConfig withMaxHalfOpenConnections(int value) {
        return new EnetConfig(peerLimit, channelLimit, incomingBandwidth, outgoingBandwidth, mtu, maxPacketSize, checksum,
                value, maxReassemblyBytesPerPeer);
    }

    /** This config with another cap on per-peer reassembly memory. */
    public EnetConfig withMaxReassemblyBytesPerPeer(int value) {
        return new EnetConfig(peerLimit, channelLimit, incomingBandwidth, outgoingBandwidth, mtu, maxPacketSize, checksum,
                maxHalfOpenConnections, value);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }
}

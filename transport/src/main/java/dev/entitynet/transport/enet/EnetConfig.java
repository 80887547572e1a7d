package dev.entitynet.transport.enet;

/**
 * Host settings, as {@code enet_host_create} takes them, plus the limits that keep one host safe
 * on a hostile network: memory per peer and in total, handshake state, incoming rates. Immutable;
 * start from {@link #defaults()} and change fields with the {@code with...} methods.
 *
 * <p>Every limit bounds what a remote peer can make this host hold or do, whatever it sends. The
 * defaults suit a game server with honest clients that send up to a few megabytes per second each.
 */
public final class EnetConfig {
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

    // field indexes into values, in the order of the table above
    private static final int PEER_LIMIT = 0, CHANNEL_LIMIT = 1, INCOMING_BANDWIDTH = 2, OUTGOING_BANDWIDTH = 3, MTU = 4,
            MAX_PACKET_SIZE = 5, CHECKSUM = 6, MAX_HALF_OPEN = 7, MAX_HALF_OPEN_PER_ADDRESS = 8, MAX_PEERS_PER_ADDRESS = 9,
            MAX_REASSEMBLY_PER_PEER = 10, MAX_OUT_OF_ORDER_PER_PEER = 11, MAX_BUFFERED = 12, MAX_QUEUED_PER_PEER = 13,
            MAX_INCOMING_BYTES_PER_SECOND = 14, MAX_INCOMING_COMMANDS_PER_SECOND = 15;
    private static final String[] NAMES = {"peerLimit", "channelLimit", "incomingBandwidth", "outgoingBandwidth", "mtu",
            "maxPacketSize", "checksum", "maxHalfOpenConnections", "maxHalfOpenPerAddress", "maxPeersPerAddress",
            "maxReassemblyBytesPerPeer", "maxOutOfOrderBytesPerPeer", "maxBufferedBytes", "maxQueuedBytesPerPeer",
            "maxIncomingBytesPerSecondPerPeer", "maxIncomingCommandsPerSecondPerPeer"};
    private static final int[] MIN = {1, 1, 0, 0, MIN_MTU, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0};
    private static final int[] MAX = {MAX_PEERS, MAX_CHANNELS, Integer.MAX_VALUE, Integer.MAX_VALUE, MAX_MTU,
            Integer.MAX_VALUE, 1, 65_536, MAX_PEERS, MAX_PEERS, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};

    private static final int MIB = 1024 * 1024;
    // after the tables above: the constructor checks against them
    private static final EnetConfig DEFAULTS = new EnetConfig(new int[]{
            32, MAX_CHANNELS, 0, 0, DEFAULT_MTU, DEFAULT_MAX_PACKET_SIZE, 0,
            1024, 128, MAX_PEERS,
            4 * MIB, MIB, 64 * MIB, 32 * MIB,
            32 * MIB, 500_000});

    private final int[] values;

    private EnetConfig(int[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < MIN[i] || values[i] > MAX[i]) {
                throw new IllegalArgumentException(NAMES[i] + " must be in " + MIN[i] + ".." + MAX[i] + ", got " + values[i]);
            }
        }
        this.values = values;
    }

    /**
     * 32 peers, 255 channels, unlimited bandwidth, MTU 1400, 32 MiB packets, no checksum; 1024
     * handshakes in progress (128 per IP address), no per-address peer limit (players behind one
     * NAT, and tests on loopback, share an address: set one with {@link #withPerAddressLimits} for
     * a server on the internet); per peer 4 MiB of
     * reassembly, 1 MiB out of order, 32 MiB queued to send, 32 MiB/s and 500,000 commands/s in;
     * 64 MiB of received data buffered host-wide.
     */
    public static EnetConfig defaults() {
        return DEFAULTS;
    }

    private EnetConfig with(int field, int value) {
        int[] copy = values.clone();
        copy[field] = value;
        return new EnetConfig(copy);
    }

    /** Slots, 1..4095. */
    public int peerLimit() {
        return values[PEER_LIMIT];
    }

    /** Most channels a connection may use, 1..255. */
    public int channelLimit() {
        return values[CHANNEL_LIMIT];
    }

    /** Bytes per second this host accepts, 0 = unlimited (advertised to the remote, as in libenet). */
    public int incomingBandwidth() {
        return values[INCOMING_BANDWIDTH];
    }

    /** Bytes per second this host sends, 0 = unlimited. */
    public int outgoingBandwidth() {
        return values[OUTGOING_BANDWIDTH];
    }

    /** Largest datagram this host sends, 576..4096 (libenet 1.3.17 uses 1400). */
    public int mtu() {
        return values[MTU];
    }

    /** Largest packet sent or accepted. */
    public int maxPacketSize() {
        return values[MAX_PACKET_SIZE];
    }

    /** CRC-32 after the header, as libenet's {@code enet_crc32}; both ends must agree. */
    public boolean checksum() {
        return values[CHECKSUM] != 0;
    }

    /**
     * Server-side handshakes in progress (CONNECT answered, the address not yet proven). They hold
     * no peer slot, only a small record each; when the table is full the oldest is evicted.
     */
    public int maxHalfOpenConnections() {
        return values[MAX_HALF_OPEN];
    }

    /**
     * Handshakes in progress from one IP address (any port); further CONNECTs from it are dropped,
     * and their clients get in only when they retransmit the CONNECT (libenet doubles the wait each
     * time: 500 CONNECTs at once from one libenet host all connect after about 7.5 s). The default
     * 128 keeps one address from filling the table; a load test that opens hundreds of connections
     * at once from one address should raise it ({@link #withPerAddressLimits}).
     */
    public int maxHalfOpenPerAddress() {
        return values[MAX_HALF_OPEN_PER_ADDRESS];
    }

    /** Connected peers from one IP address (any port); {@link #MAX_PEERS} means no limit beyond {@link #peerLimit()}. */
    public int maxPeersPerAddress() {
        return values[MAX_PEERS_PER_ADDRESS];
    }

    /** Bytes of incomplete fragmented packets one peer may hold; a larger fragmented packet cannot be received. */
    public int maxReassemblyBytesPerPeer() {
        return values[MAX_REASSEMBLY_PER_PEER];
    }

    /**
     * Bytes of reliable data one peer may have waiting for an earlier sequence number, each command
     * charged at least 512 bytes (what holding it really costs), so this also caps the count and
     * how far ahead (cap / 512 sequence numbers) a command may be to wait at all. Commands beyond it
     * are dropped unacknowledged and the sender retransmits them later.
     */
    public int maxOutOfOrderBytesPerPeer() {
        return values[MAX_OUT_OF_ORDER_PER_PEER];
    }

    /**
     * Host-wide budget for received data held in memory: reassembly, out-of-order data and packets
     * waiting for the application, all peers together. Pooled buffers above a small reserve are freed.
     */
    public int maxBufferedBytes() {
        return values[MAX_BUFFERED];
    }

    /**
     * Bytes queued to one peer and not yet acknowledged; a send beyond it is refused (back pressure)
     * and a packet larger than it can never be sent.
     */
    public int maxQueuedBytesPerPeer() {
        return values[MAX_QUEUED_PER_PEER];
    }

    /** Datagram bytes per second one connected peer may send; the excess is dropped before parsing. 0 = unlimited. */
    public int maxIncomingBytesPerSecondPerPeer() {
        return values[MAX_INCOMING_BYTES_PER_SECOND];
    }

    /** Commands per second one connected peer may send; datagrams beyond it are dropped before parsing. 0 = unlimited. */
    public int maxIncomingCommandsPerSecondPerPeer() {
        return values[MAX_INCOMING_COMMANDS_PER_SECOND];
    }

    /** This config with another peer limit (1..4095). */
    public EnetConfig withPeerLimit(int value) {
        return with(PEER_LIMIT, value);
    }

    /** This config with another channel limit (1..255). */
    public EnetConfig withChannelLimit(int value) {
        return with(CHANNEL_LIMIT, value);
    }

    /** This config with other bandwidths in bytes per second (0 = unlimited). */
    public EnetConfig withBandwidth(int incoming, int outgoing) {
        return with(INCOMING_BANDWIDTH, incoming).with(OUTGOING_BANDWIDTH, outgoing);
    }

    /** This config with another MTU (576..4096). */
    public EnetConfig withMtu(int value) {
        return with(MTU, value);
    }

    /** This config with another maximum packet size. */
    public EnetConfig withMaxPacketSize(int value) {
        return with(MAX_PACKET_SIZE, value);
    }

    /** This config with the CRC-32 checksum on or off. */
    public EnetConfig withChecksum(boolean value) {
        return with(CHECKSUM, value ? 1 : 0);
    }

    /** This config with another cap on handshakes in progress (1..65536). */
    public EnetConfig withMaxHalfOpenConnections(int value) {
        return with(MAX_HALF_OPEN, value);
    }

    /** This config with other per-IP-address caps on handshakes in progress and on connected peers. */
    public EnetConfig withPerAddressLimits(int halfOpen, int peers) {
        return with(MAX_HALF_OPEN_PER_ADDRESS, halfOpen).with(MAX_PEERS_PER_ADDRESS, peers);
    }

    /** This config with another cap on per-peer reassembly memory. */
    public EnetConfig withMaxReassemblyBytesPerPeer(int value) {
        return with(MAX_REASSEMBLY_PER_PEER, value);
    }

    /** This config with another cap on per-peer out-of-order reliable data. */
    public EnetConfig withMaxOutOfOrderBytesPerPeer(int value) {
        return with(MAX_OUT_OF_ORDER_PER_PEER, value);
    }

    /** This config with another host-wide budget for buffered received data. */
    public EnetConfig withMaxBufferedBytes(int value) {
        return with(MAX_BUFFERED, value);
    }

    /** This config with another cap on bytes queued to one peer. */
    public EnetConfig withMaxQueuedBytesPerPeer(int value) {
        return with(MAX_QUEUED_PER_PEER, value);
    }

    /** This config with other per-peer incoming rate limits (0 = unlimited). */
    public EnetConfig withIncomingRateLimits(int bytesPerSecond, int commandsPerSecond) {
        return with(MAX_INCOMING_BYTES_PER_SECOND, bytesPerSecond).with(MAX_INCOMING_COMMANDS_PER_SECOND, commandsPerSecond);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnetConfig other && java.util.Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("EnetConfig[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append(values[i]);
        }
        return b.append(']').toString();
    }
}

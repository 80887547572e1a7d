package dev.entitynet.transport.local;

/**
 * Settings of one peer on a {@link LocalHub}.
 *
 * @param channels how many channels {@code send} accepts (1-256)
 * @param maxPacketSize the largest payload in bytes
 * @param clientId the id a client asks for; 0 draws a random one from the hub's seeded source
 */
public record LocalPeerConfig(int channels, int maxPacketSize, int clientId) {
    /** 16 MiB, what Godot's ENet peer reports. */
    public static final int DEFAULT_MAX_PACKET_SIZE = 1 << 24;
    /** Channels by default. */
    public static final int DEFAULT_CHANNELS = 8;

    /** Validates the values; the message names the field to fix. */
    public LocalPeerConfig {
        if (channels < 1 || channels > 256) {
            throw new IllegalArgumentException("channels must be 1-256, got " + channels);
        }
        if (maxPacketSize < 1) {
            throw new IllegalArgumentException("maxPacketSize must be positive, got " + maxPacketSize);
        }
        if (clientId != 0 && clientId < 2) {
            throw new IllegalArgumentException("clientId must be 0 (random) or at least 2 (1 is the server), got " + clientId);
        }
    }

    /** 8 channels, 16 MiB packets, a random client id. */
    public static LocalPeerConfig defaults() {
        return new LocalPeerConfig(DEFAULT_CHANNELS, DEFAULT_MAX_PACKET_SIZE, 0);
    }

    /** These settings with {@code count} channels. */
    public LocalPeerConfig withChannels(int count) {
        return new LocalPeerConfig(count, maxPacketSize, clientId);
    }

    /** These settings with a maximum packet size. */
    public LocalPeerConfig withMaxPacketSize(int bytes) {
        return new LocalPeerConfig(channels, bytes, clientId);
    }

    /** These settings with a fixed client id. */
    public LocalPeerConfig withClientId(int id) {
        return new LocalPeerConfig(channels, maxPacketSize, id);
    }
}

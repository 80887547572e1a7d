package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.enet.netty.UdpSocketOptions;
import dev.entitynet.transport.enet.secure.SecureMode;

/**
 * How an {@link EnetHost} runs, beyond the protocol settings in {@code EnetConfig}.
 *
 * @param socket the UDP socket (transport choice, batching, buffer sizes)
 * @param tickMicros how often the event loop services the engine when nothing else wakes it
 *     (retransmits, pings, timeouts); 1000..5000 is typical
 * @param commandRingBytes off-heap ring from the caller to the event loop (power of two); a send
 *     larger than half of it is impossible
 * @param eventRingBytes off-heap ring from the event loop to the caller (power of two); a received
 *     packet larger than half of it is impossible
 * @param seed keys the engine's unpredictable values (connect ids, wire peer ids, sessions, handshake
 *     nonces); the default comes from {@link java.security.SecureRandom}, a fixed one makes runs repeatable
 *     and the values guessable, so use one only in tests
 * @param secure authenticated, encrypted sessions ({@link SecureMode}), or null for plain, libenet-compatible ENet
 */
public record EnetHostOptions(UdpSocketOptions socket, int tickMicros, int commandRingBytes, int eventRingBytes, long seed,
                              SecureMode secure) {
    /** Validates the options. */
    public EnetHostOptions {
        if (tickMicros < 100 || tickMicros > 100_000) {
            throw new IllegalArgumentException("tickMicros " + tickMicros + " must be 100..100000");
        }
        requirePowerOfTwo("commandRingBytes", commandRingBytes);
        requirePowerOfTwo("eventRingBytes", eventRingBytes);
    }

    /** Default socket, 1 ms ticks, 8 MiB rings each way (packets up to about 4 MiB), a random seed. */
    public static EnetHostOptions defaults() {
        return new EnetHostOptions(UdpSocketOptions.defaults(), 1000, 8 << 20, 8 << 20, new java.security.SecureRandom().nextLong(), null);
    }

    /** These options with NIO forced instead of epoll. */
    public EnetHostOptions withForceNio(boolean force) {
        return new EnetHostOptions(socket.withForceNio(force), tickMicros, commandRingBytes, eventRingBytes, seed, secure);
    }

    /** These options dropping {@code percent}% of outgoing datagrams on purpose, seeded (see {@link UdpSocketOptions}). */
    public EnetHostOptions withOutgoingLoss(double percent, long lossSeed) {
        return new EnetHostOptions(socket.withOutgoingLoss(percent, lossSeed), tickMicros, commandRingBytes, eventRingBytes, seed, secure);
    }

    /** These options with other ring sizes. */
    public EnetHostOptions withRingBytes(int commands, int events) {
        return new EnetHostOptions(socket, tickMicros, commands, events, seed, secure);
    }

    /** These options with another engine seed. */
    public EnetHostOptions withSeed(long value) {
        return new EnetHostOptions(socket, tickMicros, commandRingBytes, eventRingBytes, value, secure);
    }

    /**
     * These options with authenticated, encrypted sessions: {@link SecureMode#server} or
     * {@link SecureMode#client}; null for plain ENet (libenet-compatible).
     */
    public EnetHostOptions withSecure(SecureMode mode) {
        return new EnetHostOptions(socket, tickMicros, commandRingBytes, eventRingBytes, seed, mode);
    }

    private static void requirePowerOfTwo(String name, int value) {
        if (value < 4096 || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " " + value + " must be a power of two of at least 4096");
        }
    }
}

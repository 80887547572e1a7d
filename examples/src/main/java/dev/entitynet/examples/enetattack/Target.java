package dev.entitynet.examples.enetattack;

import java.net.InetSocketAddress;
import java.util.Random;

/**
 * What every attack is pointed at and shares: the server, the channels to ask for, and the seeded
 * random source behind connect ids and other chosen values (the seed is printed with the results).
 *
 * @param server the ENet server's address
 * @param channels channels each connection asks for (the echo servers echo on any of them)
 * @param seed the seed of {@link #random()}
 * @param random the attack's random source
 */
public record Target(InetSocketAddress server, int channels, long seed, Random random) {
    /** A target with a random source made from {@code seed}. */
    public static Target of(InetSocketAddress server, int channels, long seed) {
        return new Target(server, channels, seed, new Random(seed));
    }

    /** Whether the server is on this machine's loopback, where the tool can stand in for spoofed sources. */
    public boolean onLoopback() {
        return server.getAddress() != null && server.getAddress().isLoopbackAddress();
    }

    /** The local address real (unspoofed) peers bind to: any address, any port. */
    public InetSocketAddress anyLocal() {
        return new InetSocketAddress(0);
    }
}

package dev.entitynet.transport.enet.netty;

import java.util.SplittableRandom;

/**
 * Simulated loss on a real socket: drops a seeded share of outgoing datagrams before they reach
 * Netty, so a program can be tried under loss over loopback. Used only on the socket's event loop.
 */
final class OutgoingLoss {
    private final double probability;
    private final SplittableRandom random;

    OutgoingLoss(double percent, long seed) {
        this.probability = percent / 100.0;
        this.random = new SplittableRandom(seed);
    }

    /** Whether the next datagram is dropped. */
    boolean dropNext() {
        return probability > 0 && random.nextDouble() < probability;
    }
}

package dev.entitynet.transport.enet.engine;

/** The hash the engine's tables share: keys are XORed with a per-host seed, then mixed by this. */
final class SeededMix {
    private SeededMix() {
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.entitynet.examples.enetattack.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Distinct loopback addresses 127.b.x.y for "spoofed" sources: each attack uses its own second
 * octet {@code b}, so runs one after another never share an address. Up to 65,000 per block.
 */
public final class LoopbackAddresses {
    /** Addresses one block holds (x in 0..255, y in 1..254). */
    public static final int PER_BLOCK = 256 * 254;

    private LoopbackAddresses() {
    }

    /** The {@code index}th address of block {@code block} (1..255; 0 would include 127.0.0.1). */
    public static InetAddress nth(int block, int index) {
        if (block < 1 || block > 255 || index < 0 || index >= PER_BLOCK) {
            throw new IllegalArgumentException("block " + block + " must be 1..255 and index " + index + " 0.." + (PER_BLOCK - 1));
        }
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) block, (byte) (index / 254), (byte) (1 + index % 254)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.EnetConfig;

/**
 * Token buckets for what one peer may send us: datagram bytes and commands per second, with a
 * quarter of a second of burst. A datagram over the byte budget is dropped before it is parsed,
 * and parsing stops at the first command over the command budget, so a flooding peer costs a
 * bounded amount of work per second and its neighbours keep their latency.
 */
final class IncomingRate {
    private static final long BURST_MILLIS = 250;
    private long bytesPerSecond;
    private long commandsPerSecond;
    private long byteTokens;
    private long commandTokens;
    private long byteRefill;
    private long commandRefill;

    /** Full buckets at the config's rates (0 = unlimited). */
    void reset(EnetConfig config, long now) {
        bytesPerSecond = config.maxIncomingBytesPerSecondPerPeer();
        commandsPerSecond = config.maxIncomingCommandsPerSecondPerPeer();
        byteTokens = burst(bytesPerSecond);
        commandTokens = burst(commandsPerSecond);
        byteRefill = now;
        commandRefill = now;
    }

    /** Takes {@code length} bytes from the budget; false (nothing taken) when they are not there. */
    boolean admit(int length, long now) {
        if (bytesPerSecond == 0) {
            return true;
        }
        long added = bytesPerSecond * (now - byteRefill) / 1000;
        if (added > 0) {
            byteTokens = Math.min(burst(bytesPerSecond), byteTokens + added);
            byteRefill = now;
        }
        if (byteTokens < length) {
            return false;
        }
        byteTokens -= length;
        if (commandsPerSecond != 0) {
            added = commandsPerSecond * (now - commandRefill) / 1000;
            if (added > 0) {
                commandTokens = Math.min(burst(commandsPerSecond), commandTokens + added);
                commandRefill = now;
            }
        }
        return true;
    }

    /** Takes one command from the budget; false when it is spent. */
    boolean admitCommand() {
        if (commandsPerSecond == 0) {
            return true;
        }
        if (commandTokens <= 0) {
            return false;
        }
        commandTokens--;
        return true;
    }

    private static long burst(long perSecond) {
        return Math.max(1, perSecond * BURST_MILLIS / 1000);
    }
}

package dev.entitynet.examples.enetecho;

import dev.entitynet.examples.Arguments;

import java.util.HexFormat;

/**
 * The secrets a secure echo server and the token minter share, from {@code --secure-key-hex K}
 * (the backend's 32-byte private key, 64 hex digits) and {@code --protocol P}. The key never
 * appears in {@link #toString()} or in an error message.
 */
final class SecureOptions {
    /** The option names, for {@link Arguments#parse}. */
    static final String KEY = "secure-key-hex";
    static final String PROTOCOL = "protocol";

    private final byte[] privateKey;
    private final long protocolId;

    private SecureOptions(byte[] privateKey, long protocolId) {
        this.privateKey = privateKey;
        this.protocolId = protocolId;
    }

    /** The options given, or null when neither is (a plain server). */
    static SecureOptions from(Arguments a) {
        if (!a.has(KEY) && !a.has(PROTOCOL)) {
            return null;
        }
        if (!a.has(KEY) || !a.has(PROTOCOL)) {
            throw new IllegalArgumentException("secure mode needs both --" + KEY + " and --" + PROTOCOL);
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(a.stringValue(KEY, ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + KEY + " takes 64 hexadecimal digits");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("--" + KEY + " takes 64 hexadecimal digits (32 bytes), got " + key.length + " bytes");
        }
        return new SecureOptions(key, a.longValue(PROTOCOL, 0));
    }

    /** The backend's private key (the caller must not change it). */
    byte[] privateKey() {
        return privateKey;
    }

    /** The game's protocol id in the tokens. */
    long protocolId() {
        return protocolId;
    }

    @Override
    public String toString() {
        return "SecureOptions[protocol " + protocolId + "]";
    }
}

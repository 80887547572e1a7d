package dev.entitynet.transport.secure;

import dev.entitynet.transport.enet.Endpoints;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where each field of a connect token lies (docs/secure-sessions.md draws the same layout), shared
 * by the issuer, the validator and the client's reader so that they cannot disagree. Integers are
 * little-endian; addresses are 4 IPv4 bytes and a big-endian port, as on the wire.
 */
final class TokenLayout {
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final int VERSION_BYTES = 16;
    /** "ENTITYNET 1.0", zero-padded to 16 bytes. */
    static final byte[] VERSION = Arrays.copyOf("ENTITYNET 1.0".getBytes(StandardCharsets.US_ASCII), VERSION_BYTES);
    static final int MAX_SERVERS = 32;
    static final int ADDRESS_BYTES = 6;
    static final int KEY_BYTES = ChaCha20Poly1305.KEY_BYTES;
    static final int USER_DATA_BYTES = 256;

    // The server part: what the client sends to a server, and all a server reads.
    static final int VERSION_AT = 0;
    static final int PROTOCOL_AT = 16;
    static final int EXPIRE_AT = 24;
    static final int NONCE_AT = 32;
    static final int SEALED_AT = NONCE_AT + ChaCha20Poly1305.NONCE_BYTES;
    /** The AAD of the sealed part: version, protocol id and expire timestamp. */
    static final int AAD_BYTES = NONCE_AT;
    static final int SEALED_BYTES = 1024;
    static final int TAG_AT = SEALED_AT + SEALED_BYTES - ChaCha20Poly1305.TAG_BYTES;
    static final int SERVER_PART_BYTES = SEALED_AT + SEALED_BYTES;

    // The client part, after the server part.
    static final int CREATE_AT = SERVER_PART_BYTES;
    static final int PUBLIC_TIMEOUT_AT = CREATE_AT + 8;
    static final int PUBLIC_SERVERS_AT = PUBLIC_TIMEOUT_AT + 4;
    static final int PUBLIC_KEYS_AT = PUBLIC_SERVERS_AT + 4 + MAX_SERVERS * ADDRESS_BYTES;
    static final int TOKEN_BYTES = PUBLIC_KEYS_AT + 2 * KEY_BYTES;

    // The private part, sealed under the server key.
    static final int CLIENT_ID_AT = 0;
    static final int PRIVATE_TIMEOUT_AT = 8;
    static final int PRIVATE_SERVERS_AT = 12;
    static final int PRIVATE_KEYS_AT = PRIVATE_SERVERS_AT + 4 + MAX_SERVERS * ADDRESS_BYTES;
    static final int USER_DATA_AT = PRIVATE_KEYS_AT + 2 * KEY_BYTES;
    static final int PRIVATE_BYTES = SEALED_BYTES - ChaCha20Poly1305.TAG_BYTES;

    private TokenLayout() {
    }

    /** Writes a count and up to {@link #MAX_SERVERS} address slots at {@code at}. */
    static void writeServers(byte[] out, int at, long[] endpoints) {
        INT.set(out, at, endpoints.length);
        for (int i = 0; i < endpoints.length; i++) {
            writeAddress(out, at + 4 + i * ADDRESS_BYTES, endpoints[i]);
        }
    }

    /** The server count at {@code at}; a valid one is 1..{@link #MAX_SERVERS}. */
    static int serverCount(byte[] in, int at) {
        return (int) INT.get(in, at);
    }

    /** The packed endpoint ({@link Endpoints}) of server {@code index} in the list at {@code at}. */
    static long server(byte[] in, int at, int index) {
        int slot = at + 4 + index * ADDRESS_BYTES;
        long endpoint = 0;
        for (int i = 0; i < ADDRESS_BYTES; i++) {
            endpoint = endpoint << 8 | (in[slot + i] & 0xFF);
        }
        return endpoint;
    }

    private static void writeAddress(byte[] out, int slot, long endpoint) {
        // An Endpoints value is ipv4 << 16 | port: its low six bytes, big-endian, are exactly the slot.
        for (int i = ADDRESS_BYTES - 1; i >= 0; i--) {
            out[slot + i] = (byte) endpoint;
            endpoint >>>= 8;
        }
    }
}

package dev.entitynet.transport.secure;

import java.util.Arrays;
import java.util.Objects;

import static dev.entitynet.transport.secure.TokenLayout.LONG;

/**
 * The game server's check of a connect token's server part (what a client sends to connect):
 * size, version, protocol id, expiry, the tag of the private part under the server key, the
 * private part's fields, and that this server is in its list. Keeps no state per token and
 * allocates nothing: the opened private part goes into the caller's {@link ValidatedToken}.
 *
 * <p>Not thread-safe (it holds the cipher's scratch state): one validator per thread. The key
 * never appears in {@code toString} or exception messages. Pair it with a
 * {@link TokenReplayGuard} so that a token copied off the wire cannot be used from elsewhere.
 */
public final class TokenValidator {
    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    private final long protocolId;
    private final long serverEndpoint;

    /**
     * @param privateKey the 32-byte key shared with the backend's {@link TokenIssuer} (copied)
     * @param protocolId the protocol id tokens must carry
     * @param serverEndpoint this server's public address as an
     *     {@link dev.entitynet.transport.enet.Endpoints} value, which the token's list must contain
     */
    public TokenValidator(byte[] privateKey, long protocolId, long serverEndpoint) {
        if (privateKey.length != ChaCha20Poly1305.KEY_BYTES) {
            throw new IllegalArgumentException("the private key must be " + ChaCha20Poly1305.KEY_BYTES + " bytes, not " + privateKey.length);
        }
        aead.setKey(privateKey, 0);
        this.protocolId = protocolId;
        this.serverEndpoint = serverEndpoint;
    }

    /**
     * Checks {@code length} bytes of {@code request} at {@code offset}. Cheap checks come first
     * and the tag is checked before anything inside the private part is believed. Never throws
     * for what the bytes contain.
     *
     * @param nowSeconds the current Unix time in seconds
     * @param out receives the opened private part on {@link TokenResult#VALID}; is marked invalid otherwise
     */
    public TokenResult validate(byte[] request, int offset, int length, long nowSeconds, ValidatedToken out) {
        Objects.checkFromIndexSize(offset, length, request.length);
        out.invalidate();
        if (length < ConnectToken.REQUEST_BYTES) {
            return TokenResult.TRUNCATED;
        }
        if (length > ConnectToken.REQUEST_BYTES) {
            return TokenResult.OVERSIZED;
        }
        int versionAt = offset + TokenLayout.VERSION_AT;
        if (!Arrays.equals(request, versionAt, versionAt + TokenLayout.VERSION_BYTES, TokenLayout.VERSION, 0, TokenLayout.VERSION_BYTES)) {
            return TokenResult.BAD_VERSION;
        }
        if ((long) LONG.get(request, offset + TokenLayout.PROTOCOL_AT) != protocolId) {
            return TokenResult.WRONG_PROTOCOL;
        }
        long expire = (long) LONG.get(request, offset + TokenLayout.EXPIRE_AT);
        if (Long.compareUnsigned(expire, nowSeconds) <= 0) {
            return TokenResult.EXPIRED;
        }
        if (!aead.open(request, offset + TokenLayout.NONCE_AT, request, offset, TokenLayout.AAD_BYTES,
                request, offset + TokenLayout.SEALED_AT, TokenLayout.SEALED_BYTES, out.plaintext, 0)) {
            return TokenResult.BAD_TAG;
        }
        byte[] plain = out.plaintext;
        int servers = TokenLayout.serverCount(plain, TokenLayout.PRIVATE_SERVERS_AT);
        // Refused after opening: wipe the keys that were just decrypted.
        if (servers < 1 || servers > TokenLayout.MAX_SERVERS || (int) TokenLayout.INT.get(plain, TokenLayout.PRIVATE_TIMEOUT_AT) < 1) {
            out.clear();
            return TokenResult.MALFORMED;
        }
        if (!listed(plain, servers)) {
            out.clear();
            return TokenResult.FOREIGN_SERVER;
        }
        out.accept(expire, request, offset + TokenLayout.TAG_AT);
        return TokenResult.VALID;
    }

    private boolean listed(byte[] plain, int servers) {
        for (int i = 0; i < servers; i++) {
            if (TokenLayout.server(plain, TokenLayout.PRIVATE_SERVERS_AT, i) == serverEndpoint) {
                return true;
            }
        }
        return false;
    }
}

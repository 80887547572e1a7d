package dev.entitynet.transport.secure;

import dev.entitynet.transport.enet.Endpoints;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import static dev.entitynet.transport.secure.TokenLayout.INT;
import static dev.entitynet.transport.secure.TokenLayout.LONG;

/**
 * The backend's side: mints connect tokens for clients it has authenticated its own way. Each
 * token carries fresh random session keys in the clear for the client and, sealed under the
 * private key shared with the game servers, the same keys with the client id, server list and
 * user data for the server. See docs/secure-sessions.md for the layout.
 *
 * <p>Sealing uses the JDK's ChaCha20-Poly1305 (minting is not on a hot path); servers open with
 * {@link ChaCha20Poly1305}, so every token crosses the two implementations. Nonces are 96 random
 * bits: rotate the private key well before 2^32 tokens. Thread-safe; the key never appears in
 * {@code toString} or exception messages.
 */
public final class TokenIssuer {
    private final SecretKeySpec key;
    private final long protocolId;
    private final LongSupplier epochSeconds;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param privateKey 32 bytes shared with the game servers' {@link TokenValidator} (copied)
     * @param protocolId the protocol id the servers expect
     * @param epochSeconds the current Unix time in seconds
     */
    public TokenIssuer(byte[] privateKey, long protocolId, LongSupplier epochSeconds) {
        if (privateKey.length != ChaCha20Poly1305.KEY_BYTES) {
            throw new IllegalArgumentException("the private key must be " + ChaCha20Poly1305.KEY_BYTES + " bytes, not " + privateKey.length);
        }
        this.key = new SecretKeySpec(privateKey, "ChaCha20");
        this.protocolId = protocolId;
        this.epochSeconds = epochSeconds;
    }

    /**
     * Mints a token, to be handed to the client over the backend's own secure channel (HTTPS).
     *
     * @param servers 1..32 IPv4 addresses of the servers the client may connect to, in the order to try
     * @param expireSeconds how long from now servers accept the token
     * @param timeoutSeconds seconds without packets after which the connection ends
     * @param userData at most 256 bytes passed to the server (zero-padded)
     * @return {@link ConnectToken#BYTES} bytes; {@link ConnectToken#read} gives the client its part
     */
    public byte[] issue(long clientId, List<InetSocketAddress> servers, int expireSeconds, int timeoutSeconds, byte[] userData) {
        if (servers.isEmpty() || servers.size() > TokenLayout.MAX_SERVERS) {
            throw new IllegalArgumentException("a token lists 1.." + TokenLayout.MAX_SERVERS + " servers, not " + servers.size());
        }
        if (expireSeconds < 1 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("expire and timeout must be at least 1 second: " + expireSeconds + ", " + timeoutSeconds);
        }
        if (userData.length > TokenLayout.USER_DATA_BYTES) {
            throw new IllegalArgumentException("user data is at most " + TokenLayout.USER_DATA_BYTES + " bytes, not " + userData.length);
        }
        long[] endpoints = servers.stream().mapToLong(Endpoints::of).toArray();
        long now = epochSeconds.getAsLong();
        byte[] token = new byte[TokenLayout.TOKEN_BYTES];
        System.arraycopy(TokenLayout.VERSION, 0, token, TokenLayout.VERSION_AT, TokenLayout.VERSION_BYTES);
        LONG.set(token, TokenLayout.PROTOCOL_AT, protocolId);
        LONG.set(token, TokenLayout.EXPIRE_AT, now + expireSeconds);
        LONG.set(token, TokenLayout.CREATE_AT, now);
        INT.set(token, TokenLayout.PUBLIC_TIMEOUT_AT, timeoutSeconds);
        TokenLayout.writeServers(token, TokenLayout.PUBLIC_SERVERS_AT, endpoints);
        byte[] keys = new byte[2 * TokenLayout.KEY_BYTES];
        random.nextBytes(keys);
        System.arraycopy(keys, 0, token, TokenLayout.PUBLIC_KEYS_AT, keys.length);

        byte[] plain = new byte[TokenLayout.PRIVATE_BYTES];
        LONG.set(plain, TokenLayout.CLIENT_ID_AT, clientId);
        INT.set(plain, TokenLayout.PRIVATE_TIMEOUT_AT, timeoutSeconds);
        TokenLayout.writeServers(plain, TokenLayout.PRIVATE_SERVERS_AT, endpoints);
        System.arraycopy(keys, 0, plain, TokenLayout.PRIVATE_KEYS_AT, keys.length);
        System.arraycopy(userData, 0, plain, TokenLayout.USER_DATA_AT, userData.length);

        byte[] nonce = new byte[ChaCha20Poly1305.NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, token, TokenLayout.NONCE_AT, nonce.length);
        seal(nonce, token, plain);
        Arrays.fill(keys, (byte) 0);
        Arrays.fill(plain, (byte) 0);
        return token;
    }

    private void seal(byte[] nonce, byte[] token, byte[] plain) {
        try {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
            cipher.updateAAD(token, 0, TokenLayout.AAD_BYTES);
            cipher.doFinal(plain, 0, plain.length, token, TokenLayout.SEALED_AT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot seal with ChaCha20-Poly1305", e);
        }
    }
}

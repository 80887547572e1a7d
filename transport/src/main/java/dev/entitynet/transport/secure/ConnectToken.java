package dev.entitynet.transport.secure;

import dev.entitynet.transport.enet.Endpoints;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.entitynet.transport.secure.TokenLayout.INT;
import static dev.entitynet.transport.secure.TokenLayout.LONG;

/**
 * A connect token as the client sees it: the public part (servers to try, session keys, timeout,
 * timestamps) and the {@linkplain #request() request} it sends to a server, whose private part
 * only servers can open. Read once per connection attempt, so it allocates freely.
 * {@code toString} shows no key and no token bytes.
 */
public final class ConnectToken {
    /** Bytes of a whole token, as {@link TokenIssuer#issue} returns it. */
    public static final int BYTES = TokenLayout.TOKEN_BYTES;
    /** Bytes of the request a client sends and {@link TokenValidator#validate} checks. */
    public static final int REQUEST_BYTES = TokenLayout.SERVER_PART_BYTES;
    /** Most server addresses one token can list. */
    public static final int MAX_SERVERS = TokenLayout.MAX_SERVERS;
    /** Bytes of user data a token carries for the server (zero-padded). */
    public static final int USER_DATA_BYTES = TokenLayout.USER_DATA_BYTES;

    private final byte[] token;

    private ConnectToken(byte[] token) {
        this.token = token;
    }

    /**
     * Reads a token from the backend (the array is copied).
     *
     * @throws IllegalArgumentException when it is not a token of this version
     */
    public static ConnectToken read(byte[] token) {
        if (token.length != BYTES) {
            throw new IllegalArgumentException("a connect token is " + BYTES + " bytes, not " + token.length);
        }
        if (!Arrays.equals(token, 0, TokenLayout.VERSION_BYTES, TokenLayout.VERSION, 0, TokenLayout.VERSION_BYTES)) {
            throw new IllegalArgumentException("not a connect token of this version");
        }
        int servers = TokenLayout.serverCount(token, TokenLayout.PUBLIC_SERVERS_AT);
        if (servers < 1 || servers > MAX_SERVERS) {
            throw new IllegalArgumentException("a connect token lists 1.." + MAX_SERVERS + " servers, not " + servers);
        }
        return new ConnectToken(token.clone());
    }

    /** The protocol id servers check. */
    public long protocolId() {
        return (long) LONG.get(token, TokenLayout.PROTOCOL_AT);
    }

    /** When the backend minted the token, Unix seconds. */
    public long createTimestamp() {
        return (long) LONG.get(token, TokenLayout.CREATE_AT);
    }

    /** When servers stop accepting the token, Unix seconds. */
    public long expireTimestamp() {
        return (long) LONG.get(token, TokenLayout.EXPIRE_AT);
    }

    /** Seconds without packets after which the connection ends. */
    public int timeoutSeconds() {
        return (int) INT.get(token, TokenLayout.PUBLIC_TIMEOUT_AT);
    }

    /** The servers the token is good for, in the order the backend wants them tried. */
    public List<InetSocketAddress> serverAddresses() {
        int count = TokenLayout.serverCount(token, TokenLayout.PUBLIC_SERVERS_AT);
        List<InetSocketAddress> servers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            servers.add(Endpoints.toAddress(TokenLayout.server(token, TokenLayout.PUBLIC_SERVERS_AT, i)));
        }
        return servers;
    }

    /** A copy of the key the client seals with. */
    public byte[] clientToServerKey() {
        return Arrays.copyOfRange(token, TokenLayout.PUBLIC_KEYS_AT, TokenLayout.PUBLIC_KEYS_AT + TokenLayout.KEY_BYTES);
    }

    /** A copy of the key the client opens with. */
    public byte[] serverToClientKey() {
        int at = TokenLayout.PUBLIC_KEYS_AT + TokenLayout.KEY_BYTES;
        return Arrays.copyOfRange(token, at, at + TokenLayout.KEY_BYTES);
    }

    /** A copy of the {@link #REQUEST_BYTES} bytes the client sends to a server to connect. */
    public byte[] request() {
        return Arrays.copyOf(token, REQUEST_BYTES);
    }

    @Override
    public String toString() {
        return "ConnectToken[protocol 0x" + Long.toHexString(protocolId()) + ", expires " + expireTimestamp()
                + ", " + TokenLayout.serverCount(token, TokenLayout.PUBLIC_SERVERS_AT) + " servers]";
    }
}

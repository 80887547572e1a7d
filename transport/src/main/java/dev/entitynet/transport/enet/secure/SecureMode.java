package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.secure.ConnectToken;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Authenticated, encrypted ENet sessions (opt-in): which side this host is and its secrets. A
 * secure server accepts only clients that present a valid connect token minted for it by the
 * backend ({@link dev.entitynet.transport.secure.TokenIssuer}), and every datagram after that is
 * sealed with ChaCha20-Poly1305 under the session keys the token carries; plain ENet peers are
 * refused. A secure client presents its token. Secrets never appear in {@link #toString()}.
 */
public final class SecureMode {
    private final byte[] privateKey;
    private final long protocolId;
    private final InetSocketAddress publicAddress;
    private final int pendingSessions;
    private final byte[] connectToken;

    private SecureMode(byte[] privateKey, long protocolId, InetSocketAddress publicAddress, int pendingSessions, byte[] connectToken) {
        this.privateKey = privateKey;
        this.protocolId = protocolId;
        this.publicAddress = publicAddress;
        this.pendingSessions = pendingSessions;
        this.connectToken = connectToken;
    }

    /**
     * A secure server.
     *
     * @param privateKey the 32-byte key the backend seals tokens with (copied)
     * @param protocolId the game's protocol id; tokens for another are refused
     * @param publicAddress the IPv4 address and port clients reach this server at, as listed in their
     *     tokens; null means the address the host is bound to (which must then be a concrete one)
     */
    public static SecureMode server(byte[] privateKey, long protocolId, InetSocketAddress publicAddress) {
        if (Objects.requireNonNull(privateKey, "privateKey").length != 32) {
            throw new IllegalArgumentException("the private key must be 32 bytes, got " + privateKey.length);
        }
        return new SecureMode(privateKey.clone(), protocolId, publicAddress, 64, null);
    }

    /** A secure client that connects with {@code connectToken} (as the backend sent it; copied). */
    public static SecureMode client(byte[] connectToken) {
        ConnectToken.read(Objects.requireNonNull(connectToken, "connectToken")); // fails now, with a reason, if malformed
        return new SecureMode(null, 0, null, 0, connectToken.clone());
    }

    /** Whether this is the server side. */
    public boolean isServer() {
        return privateKey != null;
    }

    byte[] privateKey() {
        return privateKey;
    }

    long protocolId() {
        return protocolId;
    }

    InetSocketAddress publicAddress() {
        return publicAddress;
    }

    /** Sessions with a valid token whose ENet connection is not up yet; the oldest is dropped for a new one. */
    int pendingSessions() {
        return pendingSessions;
    }

    byte[] connectToken() {
        return connectToken;
    }

    /**
     * The datagram security for a host with {@code peerLimit} slots bound to {@code boundAddress}.
     * Internal: {@code EnetHost} calls it once.
     */
    public DatagramSecurity open(int peerLimit, InetSocketAddress boundAddress) {
        if (isServer()) {
            InetSocketAddress address = publicAddress != null ? publicAddress : boundAddress;
            if (address.getAddress().isAnyLocalAddress()) {
                throw new IllegalArgumentException("a secure server bound to " + boundAddress
                        + " needs its public address (the one in the tokens): pass it to SecureMode.server");
            }
            return new SecureServerSessions(this, peerLimit, address);
        }
        return new SecureClientSession(connectToken);
    }

    @Override
    public String toString() {
        return isServer() ? "SecureMode[server, protocol " + Long.toHexString(protocolId) + "]" : "SecureMode[client]";
    }
}

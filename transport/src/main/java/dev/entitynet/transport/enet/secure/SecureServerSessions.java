package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.secure.ConnectToken;
import dev.entitynet.transport.secure.DatagramResult;
import dev.entitynet.transport.secure.SecureDatagram;
import dev.entitynet.transport.secure.TokenReplayGuard;
import dev.entitynet.transport.secure.TokenResult;
import dev.entitynet.transport.secure.TokenValidator;
import dev.entitynet.transport.secure.ValidatedToken;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.net.InetSocketAddress;

/**
 * The server's sessions, one per client address: a session starts only from a connection request
 * whose token validates (and was not used from another address), so no state exists for an
 * address before that; every other datagram must open under its address's session keys. The
 * table is preallocated: the peer limit plus a few pending sessions, the oldest pending one giving
 * way to a newer one.
 */
final class SecureServerSessions implements DatagramSecurity {
    static final int REQUEST_PREFIX = 0;
    private static final int DATA_KIND = SecureClientSession.DATA_KIND;

    private final TokenValidator validator;
    private final TokenReplayGuard replayGuard;
    private final ValidatedToken token = new ValidatedToken();
    private final SecureStats stats = new SecureStats();
    private final SecureDatagram[] codecs;
    private final long[] endpoints;
    private final long[] clientIds;
    private final long[] expiries;
    private final long[] startedAt;
    private final boolean[] used;
    private final boolean[] connected;
    private final Long2IntOpenHashMap byEndpoint;
    private int openedLength;
    private int sealedLength;

    SecureServerSessions(SecureMode mode, int peerLimit, InetSocketAddress publicAddress) {
        this.validator = new TokenValidator(mode.privateKey(), mode.protocolId(), Endpoints.of(publicAddress));
        int capacity = peerLimit + mode.pendingSessions();
        this.replayGuard = new TokenReplayGuard(4 * capacity);
        codecs = new SecureDatagram[capacity];
        for (int i = 0; i < capacity; i++) {
            codecs[i] = new SecureDatagram(mode.protocolId());
        }
        endpoints = new long[capacity];
        clientIds = new long[capacity];
        expiries = new long[capacity];
        startedAt = new long[capacity];
        used = new boolean[capacity];
        connected = new boolean[capacity];
        byEndpoint = new Long2IntOpenHashMap(2 * capacity);
        byEndpoint.defaultReturnValue(-1);
    }

    @Override
    public int open(long endpoint, byte[] buffer, int offset, int length, long epochMillis) {
        int session = byEndpoint.get(endpoint);
        int sealedAt = offset;
        if (length > 0 && buffer[offset] == REQUEST_PREFIX) {
            if (length < 1 + ConnectToken.REQUEST_BYTES + SecureDatagram.MIN_DATAGRAM_BYTES) {
                stats.drop(SecureDrop.TRUNCATED_REQUEST);
                return -1;
            }
            sealedAt = offset + 1 + ConnectToken.REQUEST_BYTES;
            // a new token (first contact, or a new connection from an address whose last one ended);
            // a retransmitted request of a session already started keeps its keys and sequence numbers
            if (session < 0 || !connected[session] && !sameToken(session, buffer, offset + 1, epochMillis)) {
                session = start(endpoint, session, buffer, offset + 1, epochMillis);
                if (session < 0) {
                    return -1;
                }
            }
        } else if (session < 0) {
            stats.drop(SecureDrop.NO_SESSION);
            return -1;
        }
        DatagramResult result = codecs[session].open(buffer, sealedAt, offset + length - sealedAt);
        if (result != DatagramResult.ACCEPTED || codecs[session].kind() != DATA_KIND) {
            stats.drop(result == DatagramResult.DUPLICATE || result == DatagramResult.TOO_OLD ? SecureDrop.REPLAYED : SecureDrop.FORGED);
            return -1;
        }
        stats.opened(length);
        openedLength = codecs[session].payloadLength();
        return codecs[session].payloadOffset();
    }

    /** Whether the request carries the token {@code session} was started with (its expiry and client id). */
    private boolean sameToken(int session, byte[] buffer, int requestAt, long nowMillis) {
        return validator.validate(buffer, requestAt, ConnectToken.REQUEST_BYTES, nowMillis / 1000, token) == TokenResult.VALID
                && token.clientId() == clientIds[session] && token.expireTimestamp() == expiries[session];
    }

    /**
     * Validates the request's token and starts a session for {@code endpoint} (in {@code existing},
     * the session it had, or a free one); -1 (counted) when refused.
     */
    private int start(long endpoint, int existing, byte[] buffer, int requestAt, long nowMillis) {
        long nowSeconds = nowMillis / 1000;
        TokenResult result = validator.validate(buffer, requestAt, ConnectToken.REQUEST_BYTES, nowSeconds, token);
        if (result != TokenResult.VALID) {
            stats.drop(SecureDrop.BAD_TOKEN);
            return -1;
        }
        if (replayGuard.admit(token, endpoint, nowSeconds) != TokenResult.VALID) {
            stats.drop(SecureDrop.TOKEN_REPLAYED);
            return -1;
        }
        if (isConnected(token.clientId())) {
            stats.drop(SecureDrop.CLIENT_ALREADY_CONNECTED);
            return -1;
        }
        int session = existing >= 0 ? existing : freeSession();
        if (session < 0) {
            stats.drop(SecureDrop.SESSIONS_FULL);
            return -1;
        }
        used[session] = true;
        connected[session] = false;
        endpoints[session] = endpoint;
        clientIds[session] = token.clientId();
        expiries[session] = token.expireTimestamp();
        startedAt[session] = nowMillis;
        codecs[session].start(token);
        byEndpoint.put(endpoint, session);
        stats.tokenAccepted();
        return session;
    }

    /** Whether a connected session already belongs to {@code clientId} (one connection per client, as netcode.io). */
    private boolean isConnected(long clientId) {
        for (int s = 0; s < used.length; s++) {
            if (used[s] && connected[s] && clientIds[s] == clientId) {
                return true;
            }
        }
        return false;
    }

    /** A free session slot, or the oldest pending one (evicted), or -1 when all are connected. */
    private int freeSession() {
        int oldest = -1;
        for (int s = 0; s < used.length; s++) {
            if (!used[s]) {
                return s;
            }
            if (!connected[s] && (oldest < 0 || startedAt[s] < startedAt[oldest])) {
                oldest = s;
            }
        }
        if (oldest >= 0) {
            stats.drop(SecureDrop.PENDING_EVICTED);
            end(oldest);
        }
        return oldest;
    }

    private void end(int session) {
        byEndpoint.remove(endpoints[session]);
        codecs[session].stop();
        used[session] = false;
        connected[session] = false;
        clientIds[session] = -1;
    }

    @Override
    public int openedLength() {
        return openedLength;
    }

    @Override
    public int seal(long endpoint, byte[] src, int srcOffset, int length, byte[] out) {
        int session = byEndpoint.get(endpoint);
        if (session < 0) {
            stats.drop(SecureDrop.UNSEALABLE);
            return -1;
        }
        int at = HEADROOM - SecureDatagram.MAX_HEADER_BYTES;
        sealedLength = codecs[session].seal(DATA_KIND, src, srcOffset, length, out, at);
        stats.sealed(sealedLength);
        return at;
    }

    @Override
    public int sealedLength() {
        return sealedLength;
    }

    @Override
    public void connected(long endpoint) {
        int session = byEndpoint.get(endpoint);
        if (session >= 0) {
            connected[session] = true;
        }
    }

    /**
     * The session becomes pending again: its keys stay (the engine's farewell may still be sealed
     * with them, and a late retransmission opened) until a new token from the address replaces
     * them or a newer session evicts it.
     */
    @Override
    public void disconnected(long endpoint) {
        int session = byEndpoint.get(endpoint);
        if (session >= 0) {
            connected[session] = false;
        }
    }

    @Override
    public long clientId(long endpoint) {
        int session = byEndpoint.get(endpoint);
        return session < 0 ? -1 : clientIds[session];
    }

    @Override
    public SecureStats stats() {
        return stats;
    }
}

package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.secure.ConnectToken;
import dev.entitynet.transport.secure.DatagramResult;
import dev.entitynet.transport.secure.SecureDatagram;

/**
 * The client's one session: keys from its connect token. Until the server has answered with a
 * datagram that opens, every datagram carries the token's request in front of it, so a lost first
 * datagram costs nothing more than ENet's own retransmission; afterwards datagrams carry only the
 * sealed ENet payload. Datagrams from any address but one of the token's servers are dropped.
 */
final class SecureClientSession implements DatagramSecurity {
    /** The kind sealed ENet datagrams carry (the request prefix is kind 0 with no sequence bytes). */
    static final int DATA_KIND = 1;

    private final byte[] request;
    private final SecureDatagram codec;
    private final long[] servers;
    private final SecureStats stats = new SecureStats();
    private long server = -1;
    private boolean answered;
    private int openedLength;
    private int sealedLength;

    SecureClientSession(byte[] connectToken) {
        ConnectToken token = ConnectToken.read(connectToken);
        request = token.request();
        codec = new SecureDatagram(token.protocolId());
        codec.start(SecureDatagram.Side.CLIENT, token.clientToServerKey(), 0, token.serverToClientKey(), 0);
        servers = token.serverAddresses().stream().mapToLong(Endpoints::of).toArray();
    }

    @Override
    public int open(long endpoint, byte[] buffer, int offset, int length, long epochMillis) {
        if (endpoint != server) {
            stats.drop(SecureDrop.NOT_THE_SERVER);
            return -1;
        }
        DatagramResult result = codec.open(buffer, offset, length);
        if (result != DatagramResult.ACCEPTED || codec.kind() != DATA_KIND) {
            stats.drop(result == DatagramResult.DUPLICATE || result == DatagramResult.TOO_OLD ? SecureDrop.REPLAYED : SecureDrop.FORGED);
            return -1;
        }
        answered = true;
        stats.opened(length);
        openedLength = codec.payloadLength();
        return codec.payloadOffset();
    }

    @Override
    public int openedLength() {
        return openedLength;
    }

    @Override
    public int seal(long endpoint, byte[] src, int srcOffset, int length, byte[] out) {
        if (server < 0 && isTokenServer(endpoint)) {
            server = endpoint;
        }
        if (endpoint != server) {
            stats.drop(SecureDrop.UNSEALABLE);
            return -1;
        }
        int at = HEADROOM - SecureDatagram.MAX_HEADER_BYTES;
        sealedLength = codec.seal(DATA_KIND, src, srcOffset, length, out, at);
        if (!answered) {
            at -= 1 + request.length;
            out[at] = SecureServerSessions.REQUEST_PREFIX;
            System.arraycopy(request, 0, out, at + 1, request.length);
            sealedLength += 1 + request.length;
        }
        stats.sealed(sealedLength);
        return at;
    }

    private boolean isTokenServer(long endpoint) {
        for (long s : servers) {
            if (s == endpoint) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int sealedLength() {
        return sealedLength;
    }

    @Override
    public void connected(long endpoint) {
        // the one session is the connection
    }

    @Override
    public void disconnected(long endpoint) {
        if (endpoint == server) {
            codec.stop();
        }
    }

    @Override
    public long clientId(long endpoint) {
        return -1;
    }

    @Override
    public SecureStats stats() {
        return stats;
    }
}

package dev.entitynet.transport.secure;

import dev.entitynet.transport.enet.Endpoints;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example of docs/secure-sessions.md, step by step, with the network replaced by arrays. */
class SecureSessionsExampleTest {
    private static final long PROTOCOL_ID = 0x454E_5449_5459_4E45L;
    private static final int KIND_PAYLOAD = 1;

    @Test
    void backendMintsClientConnectsServerValidatesAndTheyTalk() {
        // Shared by the backend and every game server, from a secret store.
        byte[] privateKey = new byte[32];
        new SecureRandom().nextBytes(privateKey);
        InetSocketAddress serverAddress = new InetSocketAddress("127.0.0.1", 7777);
        InetSocketAddress clientAddress = new InetSocketAddress("127.0.0.1", 50123);

        // Backend: after its own login check, mint a token and return it over HTTPS.
        TokenIssuer issuer = new TokenIssuer(privateKey, PROTOCOL_ID, () -> Instant.now().getEpochSecond());
        byte[] userData = "role=player".getBytes(StandardCharsets.UTF_8);
        byte[] tokenBytes = issuer.issue(1001, List.of(serverAddress), 30, 10, userData);

        // Client: read its part, start its session, send the request to the first server.
        ConnectToken connectToken = ConnectToken.read(tokenBytes);
        SecureDatagram clientSession = new SecureDatagram(connectToken.protocolId());
        clientSession.start(SecureDatagram.Side.CLIENT, connectToken.clientToServerKey(), 0, connectToken.serverToClientKey(), 0);
        byte[] request = connectToken.request();
        assertEquals(serverAddress, connectToken.serverAddresses().get(0));

        // Server: validate before allocating anything for the client.
        TokenValidator validator = new TokenValidator(privateKey, PROTOCOL_ID, Endpoints.of(serverAddress));
        TokenReplayGuard guard = new TokenReplayGuard(4096);
        ValidatedToken token = new ValidatedToken();
        long now = Instant.now().getEpochSecond();
        long from = Endpoints.of(clientAddress);
        TokenResult result = validator.validate(request, 0, request.length, now, token);
        if (result == TokenResult.VALID) {
            result = guard.admit(token, from, now);
        }
        assertEquals(TokenResult.VALID, result);
        SecureDatagram serverSession = new SecureDatagram(PROTOCOL_ID);
        serverSession.start(token);
        long clientId = token.clientId();
        byte[] receivedUserData = new byte[ConnectToken.USER_DATA_BYTES];
        token.copyUserData(receivedUserData, 0);
        token.clear();
        assertEquals(1001, clientId);
        assertArrayEquals(userData, Arrays.copyOf(receivedUserData, userData.length));

        // Both ends, per datagram.
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] datagram = new byte[1200];
        int length = clientSession.seal(KIND_PAYLOAD, payload, 0, payload.length, datagram, 0);
        assertEquals(DatagramResult.ACCEPTED, serverSession.open(datagram, 0, length));
        assertArrayEquals(payload, Arrays.copyOfRange(datagram, serverSession.payloadOffset(),
                serverSession.payloadOffset() + serverSession.payloadLength()));
        assertEquals(KIND_PAYLOAD, serverSession.kind());

        length = serverSession.seal(KIND_PAYLOAD, payload, 0, payload.length, datagram, 0);
        assertEquals(DatagramResult.ACCEPTED, clientSession.open(datagram, 0, length));
        assertEquals(DatagramResult.DUPLICATE, clientSession.open(datagram, 0, length), "a replay is dropped");
    }
}

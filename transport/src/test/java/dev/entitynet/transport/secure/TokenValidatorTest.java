package dev.entitynet.transport.secure;

import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.secure.SecureDatagram.Side;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenValidatorTest {
    private static final long PROTOCOL = 0x0DDB_A11L;
    private static final byte[] PRIVATE_KEY = Hex.counting(0x40, 32);
    private static final InetSocketAddress FIRST = new InetSocketAddress("127.0.0.1", 40_000);
    private static final InetSocketAddress SECOND = new InetSocketAddress("127.0.0.2", 40_001);
    private static final long NOW = 1_750_000_000L;

    private final TokenIssuer issuer = new TokenIssuer(PRIVATE_KEY, PROTOCOL, () -> NOW);
    private final TokenValidator second = new TokenValidator(PRIVATE_KEY, PROTOCOL, Endpoints.of(SECOND));
    private final ValidatedToken out = new ValidatedToken();

    private byte[] request() {
        return ConnectToken.read(issuer.issue(42, List.of(FIRST, SECOND), 30, 10, new byte[] {1, 2, 3})).request();
    }

    private TokenResult validate(TokenValidator validator, byte[] request, long now) {
        return validator.validate(request, 0, request.length, now, out);
    }

    @Test
    void theServerSeesWhatTheBackendPutInAndTheClientGotTheSameKeys() {
        byte[] userData = Hex.counting(1, 200);
        ConnectToken token = ConnectToken.read(issuer.issue(-7, List.of(FIRST, SECOND), 45, 12, userData));
        assertEquals(PROTOCOL, token.protocolId());
        assertEquals(NOW, token.createTimestamp());
        assertEquals(NOW + 45, token.expireTimestamp());
        assertEquals(12, token.timeoutSeconds());
        assertEquals(List.of(FIRST, SECOND), token.serverAddresses());

        byte[] request = token.request();
        assertEquals(ConnectToken.REQUEST_BYTES, request.length);
        assertEquals(TokenResult.VALID, validate(second, request, NOW));
        assertEquals(-7, out.clientId());
        assertEquals(12, out.timeoutSeconds());
        assertEquals(NOW + 45, out.expireTimestamp());
        byte[] received = new byte[ConnectToken.USER_DATA_BYTES];
        out.copyUserData(received, 0);
        assertArrayEquals(Arrays.copyOf(userData, ConnectToken.USER_DATA_BYTES), received, "zero-padded");

        SecureDatagram server = new SecureDatagram(PROTOCOL);
        server.start(out);
        SecureDatagram client = new SecureDatagram(PROTOCOL);
        client.start(Side.CLIENT, token.clientToServerKey(), 0, token.serverToClientKey(), 0);
        byte[] datagram = new byte[64];
        int length = client.seal(0, new byte[5], 0, 5, datagram, 0);
        assertEquals(DatagramResult.ACCEPTED, server.open(datagram, 0, length));
        length = server.seal(0, new byte[5], 0, 5, datagram, 0);
        assertEquals(DatagramResult.ACCEPTED, client.open(datagram, 0, length));

        out.clear();
        assertThrows(IllegalStateException.class, out::clientId);
    }

    @Test
    void refusesExpiredTokens() {
        byte[] request = request();
        assertEquals(TokenResult.VALID, validate(second, request, NOW + 29));
        assertEquals(TokenResult.EXPIRED, validate(second, request, NOW + 30));
        assertEquals(TokenResult.EXPIRED, validate(second, request, NOW + 1_000_000));
        assertThrows(IllegalStateException.class, out::clientId, "nothing to read after a refusal");
    }

    @Test
    void refusesTokensForAnotherServer() {
        TokenValidator elsewhere = new TokenValidator(PRIVATE_KEY, PROTOCOL, Endpoints.of(new InetSocketAddress("127.0.0.2", 40_002)));
        assertEquals(TokenResult.FOREIGN_SERVER, validate(elsewhere, request(), NOW));
        assertThrows(IllegalStateException.class, out::clientId);
        TokenValidator first = new TokenValidator(PRIVATE_KEY, PROTOCOL, Endpoints.of(FIRST));
        assertEquals(TokenResult.VALID, validate(first, request(), NOW));
    }

    @Test
    void refusesTokensOfAnotherBackendOrProtocol() {
        TokenValidator otherKey = new TokenValidator(Hex.counting(0x41, 32), PROTOCOL, Endpoints.of(SECOND));
        assertEquals(TokenResult.BAD_TAG, validate(otherKey, request(), NOW));
        TokenValidator otherProtocol = new TokenValidator(PRIVATE_KEY, PROTOCOL + 1, Endpoints.of(SECOND));
        assertEquals(TokenResult.WRONG_PROTOCOL, validate(otherProtocol, request(), NOW));
    }

    @Test
    void everyChangedByteIsRefusedForItsReason() {
        byte[] request = request();
        for (int i = 0; i < request.length; i++) {
            byte[] changed = request.clone();
            changed[i] ^= 0x01;
            boolean expiredNow = Long.compareUnsigned((long) TokenLayout.LONG.get(changed, TokenLayout.EXPIRE_AT), NOW) <= 0;
            TokenResult expected = i < TokenLayout.PROTOCOL_AT ? TokenResult.BAD_VERSION
                    : i < TokenLayout.EXPIRE_AT ? TokenResult.WRONG_PROTOCOL
                    : expiredNow ? TokenResult.EXPIRED
                    // A later expire timestamp, the nonce and the sealed part are all covered by the tag.
                    : TokenResult.BAD_TAG;
            assertEquals(expected, validate(second, changed, NOW), "byte " + i);
        }
    }

    @Test
    void refusesTruncatedAndOversizedRequests() {
        byte[] request = request();
        for (int length = 0; length < request.length; length += 7) {
            assertEquals(TokenResult.TRUNCATED, second.validate(request, 0, length, NOW, out), "length " + length);
        }
        assertEquals(TokenResult.TRUNCATED, second.validate(request, 0, request.length - 1, NOW, out));
        byte[] longer = Arrays.copyOf(request, request.length + 1);
        assertEquals(TokenResult.OVERSIZED, validate(second, longer, NOW));
        byte[] whole = issuer.issue(1, List.of(SECOND), 30, 10, new byte[0]);
        assertEquals(TokenResult.OVERSIZED, validate(second, whole, NOW), "the whole token instead of its request");
        assertEquals(TokenResult.VALID, second.validate(whole, 0, ConnectToken.REQUEST_BYTES, NOW, out), "its request part");
    }

    /** Authentic tokens with impossible contents, sealed here the way the issuer does. */
    @Test
    void refusesAuthenticButMalformedPrivateParts() throws GeneralSecurityException {
        assertEquals(TokenResult.MALFORMED, validate(second, sealedWith(0, 10), NOW), "no server");
        assertEquals(TokenResult.MALFORMED, validate(second, sealedWith(33, 10), NOW), "33 servers");
        assertEquals(TokenResult.MALFORMED, validate(second, sealedWith(-1, 10), NOW), "negative count");
        assertEquals(TokenResult.MALFORMED, validate(second, sealedWith(1, 0), NOW), "no timeout");
        assertEquals(TokenResult.VALID, validate(second, sealedWith(1, 5), NOW), "the same recipe, well-formed");
    }

    private static byte[] sealedWith(int servers, int timeout) throws GeneralSecurityException {
        byte[] request = new byte[ConnectToken.REQUEST_BYTES];
        System.arraycopy(TokenLayout.VERSION, 0, request, 0, TokenLayout.VERSION_BYTES);
        TokenLayout.LONG.set(request, TokenLayout.PROTOCOL_AT, PROTOCOL);
        TokenLayout.LONG.set(request, TokenLayout.EXPIRE_AT, NOW + 10);
        byte[] plain = new byte[TokenLayout.PRIVATE_BYTES];
        TokenLayout.INT.set(plain, TokenLayout.PRIVATE_TIMEOUT_AT, timeout);
        TokenLayout.writeServers(plain, TokenLayout.PRIVATE_SERVERS_AT, new long[] {Endpoints.of(SECOND)});
        TokenLayout.INT.set(plain, TokenLayout.PRIVATE_SERVERS_AT, servers);
        byte[] nonce = Hex.counting(servers + 31 * timeout, 12);
        System.arraycopy(nonce, 0, request, TokenLayout.NONCE_AT, 12);
        byte[] sealed = JdkCiphers.seal(PRIVATE_KEY, nonce, Arrays.copyOf(request, TokenLayout.AAD_BYTES), plain);
        System.arraycopy(sealed, 0, request, TokenLayout.SEALED_AT, sealed.length);
        return request;
    }

    @Test
    void randomGarbageAlwaysGetsAReasonAndNeverThrows() {
        long seed = new Random().nextLong();
        System.out.println("TokenValidatorTest garbage seed " + seed);
        Random random = new Random(seed);
        byte[] real = request();
        Map<TokenResult, Integer> counts = new EnumMap<>(TokenResult.class);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage;
            switch (i % 3) {
                case 0 -> {
                    garbage = new byte[random.nextInt(2 * ConnectToken.REQUEST_BYTES)];
                    random.nextBytes(garbage);
                }
                case 1 -> {
                    garbage = new byte[ConnectToken.REQUEST_BYTES];
                    random.nextBytes(garbage);
                    // Past the cheap checks, so the tag is what refuses it.
                    System.arraycopy(real, 0, garbage, 0, TokenLayout.EXPIRE_AT + 8);
                }
                default -> {
                    garbage = real.clone();
                    for (int j = 1 + random.nextInt(3); j > 0; j--) {
                        garbage[random.nextInt(garbage.length)] = (byte) random.nextInt();
                    }
                }
            }
            TokenResult result = validate(second, garbage, NOW);
            assertNotNull(result);
            if (result == TokenResult.VALID) {
                assertArrayEquals(real, garbage, "seed " + seed + " iteration " + i);
            }
            counts.merge(result, 1, Integer::sum);
        }
        System.out.println("TokenValidatorTest garbage results " + counts);
    }

    @Test
    void validationAllocatesNothing() {
        byte[] valid = request();
        byte[] forged = valid.clone();
        forged[600] ^= 1;
        long allocated = Allocations.measure(5_000, () -> {
            if (validate(second, valid, NOW) != TokenResult.VALID || validate(second, forged, NOW) != TokenResult.BAD_TAG) {
                throw new AssertionError("unexpected result");
            }
        });
        assertEquals(0, allocated);
    }

    @Test
    void issuerRefusesWhatATokenCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(1, List.of(), 30, 10, new byte[0]));
        InetSocketAddress[] many = new InetSocketAddress[33];
        Arrays.fill(many, FIRST);
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(1, List.of(many), 30, 10, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(1, List.of(new InetSocketAddress("::1", 5)), 30, 10, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(1, List.of(FIRST), 0, 10, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(1, List.of(FIRST), 30, 10, new byte[257]));
        assertThrows(IllegalArgumentException.class, () -> ConnectToken.read(new byte[10]));
    }

    @Test
    void keysAndTokensAppearInNoStringOrMessage() {
        byte[] bytes = issuer.issue(99, List.of(SECOND), 30, 10, new byte[0]);
        ConnectToken token = ConnectToken.read(bytes);
        assertEquals(TokenResult.VALID, validate(second, token.request(), NOW));
        HexFormat hex = HexFormat.of();
        List<byte[]> secrets = List.of(PRIVATE_KEY, token.clientToServerKey(), token.serverToClientKey(),
                Arrays.copyOfRange(bytes, TokenLayout.SEALED_AT, TokenLayout.SEALED_AT + 16));
        String shortKey = assertThrows(IllegalArgumentException.class,
                () -> new TokenValidator(Arrays.copyOf(PRIVATE_KEY, 31), PROTOCOL, 0)).getMessage()
                + assertThrows(IllegalArgumentException.class, () -> new TokenIssuer(Arrays.copyOf(PRIVATE_KEY, 31), PROTOCOL, () -> NOW)).getMessage();
        for (String text : List.of(token.toString(), out.toString(), issuer.toString(), second.toString(), shortKey,
                new SecureDatagram(PROTOCOL).toString())) {
            for (byte[] secret : secrets) {
                assertFalse(text.toLowerCase().contains(hex.formatHex(secret, 0, 8)), text);
                assertFalse(text.contains(Arrays.toString(Arrays.copyOf(secret, 4)).replace("]", "")), text);
            }
        }
        assertEquals("ValidatedToken[client 99]", out.toString());
    }
}

package dev.entitynet.transport.secure;

import dev.entitynet.transport.enet.Endpoints;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenReplayGuardTest {
    private static final long PROTOCOL = 7;
    private static final byte[] PRIVATE_KEY = Hex.counting(1, 32);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 40_000);
    private static final long CLIENT = Endpoints.of(0x7F000001, 50_000);
    private static final long THIEF = Endpoints.of(0x7F000002, 50_000);
    private static final long NOW = 1_000_000;

    private final TokenIssuer issuer = new TokenIssuer(PRIVATE_KEY, PROTOCOL, () -> NOW);
    private final TokenValidator validator = new TokenValidator(PRIVATE_KEY, PROTOCOL, Endpoints.of(SERVER));

    /** A fresh token that expires {@code expireSeconds} after NOW, validated into a new view. */
    private ValidatedToken validToken(int expireSeconds) {
        byte[] request = ConnectToken.read(issuer.issue(1, List.of(SERVER), expireSeconds, 5, new byte[0])).request();
        ValidatedToken token = new ValidatedToken();
        assertEquals(TokenResult.VALID, validator.validate(request, 0, request.length, NOW, token));
        return token;
    }

    @Test
    void theOwnerMayRetransmitButNobodyElseMayUseTheToken() {
        TokenReplayGuard guard = new TokenReplayGuard(64);
        ValidatedToken token = validToken(30);
        assertEquals(TokenResult.VALID, guard.admit(token, CLIENT, NOW));
        assertEquals(TokenResult.VALID, guard.admit(token, CLIENT, NOW + 1), "retransmitted request");
        assertEquals(TokenResult.REUSED_FROM_OTHER_ADDRESS, guard.admit(token, THIEF, NOW + 2));
        assertEquals(TokenResult.REUSED_FROM_OTHER_ADDRESS, guard.admit(token, Endpoints.of(0x7F000001, 50_001), NOW + 2),
                "same IP, other port");
        assertEquals(TokenResult.VALID, guard.admit(validToken(30), THIEF, NOW), "another token is another entry");
    }

    @Test
    void entriesAreFreedWhenTheirTokenExpires() {
        TokenReplayGuard guard = new TokenReplayGuard(1);
        for (int i = 0; i < TokenReplayGuard.PROBES; i++) {
            assertEquals(TokenResult.VALID, guard.admit(validToken(10), CLIENT, NOW), "token " + i);
        }
        ValidatedToken late = validToken(30);
        assertEquals(TokenResult.REPLAY_GUARD_FULL, guard.admit(late, CLIENT, NOW), "every entry holds a live token");
        assertEquals(TokenResult.VALID, guard.admit(late, CLIENT, NOW + 10), "the first sixteen expired");
        assertEquals(TokenResult.REUSED_FROM_OTHER_ADDRESS, guard.admit(late, THIEF, NOW + 11));
    }

    @Test
    void admittingAllocatesNothing() {
        TokenReplayGuard guard = new TokenReplayGuard(1024);
        ValidatedToken token = validToken(30);
        long allocated = Allocations.measure(20_000, () -> {
            if (guard.admit(token, CLIENT, NOW) != TokenResult.VALID || guard.admit(token, THIEF, NOW) != TokenResult.REUSED_FROM_OTHER_ADDRESS) {
                throw new AssertionError("unexpected result");
            }
        });
        assertEquals(0, allocated);
    }
}

package dev.entitynet.examples.enetecho;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.secure.TokenIssuer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * {@code ./run enet-echo token}: mints a connect token for one echo server, as a game's backend
 * would after its own login check, and writes its bytes to a file for {@code enet-echo load
 * --token-file}. A token connects from one client address, so each client run needs its own.
 */
final class EchoToken {
    static final String USAGE = "token --secure-key-hex K --protocol P --host H --port P --out FILE [--client-id N] [--expire S] [--timeout S]";

    private EchoToken() {
    }

    /** Writes the token; returns the exit code. */
    static int run(String[] args) throws IOException {
        Arguments a = Arguments.parse(args, Set.of(SecureOptions.KEY, SecureOptions.PROTOCOL, "host", "port", "out", "client-id",
                "expire", "timeout"));
        SecureOptions secure = SecureOptions.from(a);
        if (secure == null || !a.has("out")) {
            throw new IllegalArgumentException("usage: enet-echo " + USAGE);
        }
        InetSocketAddress server = new InetSocketAddress(a.stringValue("host", "127.0.0.1"), a.intValue("port", 7777));
        long clientId = a.has("client-id") ? a.longValue("client-id", 0) : new SecureRandom().nextLong() & Long.MAX_VALUE;
        byte[] token = new TokenIssuer(secure.privateKey(), secure.protocolId(), () -> System.currentTimeMillis() / 1000)
                .issue(clientId, List.of(server), a.intValue("expire", 300), a.intValue("timeout", 10), new byte[0]);
        Files.write(Path.of(a.stringValue("out", "")), token);
        return 0;
    }
}

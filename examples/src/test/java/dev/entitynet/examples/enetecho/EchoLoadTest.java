package dev.entitynet.examples.enetecho;

import dev.entitynet.examples.Arguments;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.echo.EchoServer;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import dev.entitynet.transport.enet.secure.SecureMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code enet-echo load} against in-process echo servers over UDP on loopback: plain, and secure
 * with a token from {@code enet-echo token}; its figures are consistent (echoes counted, sealing
 * adds 18 to 20 bytes to the server's datagrams of a short run, nothing on a plain host).
 */
class EchoLoadTest {
    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final long PROTOCOL = 4242;

    private static EchoServer server(EnetHostOptions options) {
        return EchoServer.inline(EnetConfig.defaults().withChannelLimit(2), new InetSocketAddress("127.0.0.1", 0), options);
    }

    /** Runs the load for 1 s and returns its exit code and NAME value lines. */
    private static Map<String, String> load(EchoServer server, String... extra) throws Exception {
        String[] base = {"--port", Integer.toString(server.host().localAddress().getPort()), "--seconds", "1", "--window", "16", "--size", "100"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = EchoLoad.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Map<String, String> lines = new HashMap<>();
        lines.put("EXIT", Integer.toString(exit));
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            lines.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        }
        return lines;
    }

    private static double field(Map<String, String> lines, String name, int index) {
        return Double.parseDouble(lines.get(name).split(" ")[index]);
    }

    @Test
    void plainLoadCountsEchoesAndWireSizeIsEnetSize() throws Exception {
        EchoServer echo = server(EnetHostOptions.defaults());
        Map<String, String> lines;
        try (var host = echo.host()) {
            lines = load(echo);
        }
        assertEquals("0", lines.get("EXIT"));
        assertTrue(lines.containsKey("MEASURE_START") && lines.containsKey("MEASURE_END"));
        assertTrue(field(lines, "MEASURED_ECHOES", 0) > 0, lines.toString());
        assertTrue(echo.echoed() >= field(lines, "MEASURED_ECHOES", 0), lines.toString());
        assertEquals(field(lines, "DATAGRAMS_SENT", 1), field(lines, "DATAGRAMS_SENT", 2));
        assertEquals(field(lines, "DATAGRAMS_RECEIVED", 1), field(lines, "DATAGRAMS_RECEIVED", 2));
    }

    @Test
    void secureLoadConnectsWithAMintedTokenAndSealingAddsItsHeaderAndTag(@TempDir Path dir) throws Exception {
        byte[] key = HexFormat.of().parseHex(KEY);
        EchoServer echo = server(EnetHostOptions.defaults().withSecure(SecureMode.server(key, PROTOCOL, null)));
        Path token = dir.resolve("token.bin");
        Map<String, String> first;
        try (var host = echo.host()) {
            String port = Integer.toString(host.localAddress().getPort());
            assertEquals(0, EchoToken.run(new String[] {"--secure-key-hex", KEY, "--protocol", Long.toString(PROTOCOL), "--port", port,
                    "--out", token.toString()}));
            first = load(echo, "--token-file", token.toString());
        }
        assertEquals("0", first.get("EXIT"), first.toString());
        assertTrue(field(first, "MEASURED_ECHOES", 0) > 0, first.toString());
        // what the server sealed (the client received): 1 prefix, 1..3 sequence bytes (as the count passes 256, 65,536), 16 tag
        double added = field(first, "DATAGRAMS_RECEIVED", 1) - field(first, "DATAGRAMS_RECEIVED", 2);
        assertTrue(added >= 18 && added <= 20, first.toString());
        // the client's first datagrams also carry the token request
        assertTrue(field(first, "DATAGRAMS_SENT", 1) - field(first, "DATAGRAMS_SENT", 2) >= 18, first.toString());
    }

    @Test
    void secureOptionsNeedBothAKeyOf32BytesAndAProtocol() {
        Set<String> names = Set.of(SecureOptions.KEY, SecureOptions.PROTOCOL);
        assertEquals(null, SecureOptions.from(Arguments.parse(new String[0], names)));
        assertThrows(IllegalArgumentException.class, () -> SecureOptions.from(Arguments.parse(new String[] {"--protocol", "1"}, names)));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> SecureOptions.from(Arguments.parse(new String[] {"--secure-key-hex", "00ff", "--protocol", "1"}, names)));
        assertTrue(shortKey.getMessage().contains("64 hexadecimal digits"), shortKey.getMessage());
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> SecureOptions.from(Arguments.parse(new String[] {"--secure-key-hex", "zz" + KEY.substring(2), "--protocol", "1"}, names)));
        assertFalse(notHex.getMessage().contains(KEY.substring(2)), "the key stays out of the message");
        SecureOptions options = SecureOptions.from(Arguments.parse(new String[] {"--secure-key-hex", KEY, "--protocol", "7"}, names));
        assertEquals(7, options.protocolId());
        assertEquals(32, options.privateKey().length);
        assertFalse(options.toString().contains("0001"), "the key stays out of toString");
    }
}

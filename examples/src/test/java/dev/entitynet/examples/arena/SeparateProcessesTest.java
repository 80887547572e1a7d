package dev.entitynet.examples.arena;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run arena --server} and {@code --client} in one JVM, the server on its own thread, over
 * real UDP on loopback: both exit 0 (the client's digest matched) and both write a report with the
 * bandwidth plot and a non-empty tick-time histogram. The client finishes when the server closes.
 */
class SeparateProcessesTest {
    private static final Pattern HISTOGRAM = Pattern.compile("Ticks by duration \\((\\d+) ticks\\)");

    @Test
    void serverAndClientBothConvergeAndWriteFullReports(@TempDir Path dir) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort(); // free a moment ago; the server binds it next
        }
        Path serverHtml = dir.resolve("server.html");
        Path clientHtml = dir.resolve("client.html");
        ExecutorService serverThread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> server = serverThread.submit(() -> ArenaCommand.run(new String[] {"--server", "--port", Integer.toString(port),
                    "--clients", "1", "--entities", "200", "--seconds", "3", "--settle", "1", "--wait", "20", "--html", serverHtml.toString()}));
            int client = ArenaCommand.run(new String[] {"--client", "127.0.0.1:" + port, "--html", clientHtml.toString()});
            assertEquals(0, (int) server.get(30, TimeUnit.SECONDS), "server exit code");
            assertEquals(0, client, "client exit code (its digest matched)");
        } finally {
            serverThread.shutdownNow();
        }
        assertFullReport(serverHtml, "Server tick time");
        assertFullReport(clientHtml, "Client tick time");
    }

    private static void assertFullReport(Path html, String tickHeading) throws Exception {
        String page = Files.readString(html);
        assertEquals(2, page.split("<svg").length - 1, html + ": two plots");
        assertTrue(page.contains("<polyline") && page.matches("(?s).*client \\d+ in.*client \\d+ out.*"), html + ": a client's bandwidth in and out");
        assertTrue(page.contains(tickHeading), html + ": " + tickHeading);
        Matcher histogram = HISTOGRAM.matcher(page);
        assertTrue(histogram.find() && Integer.parseInt(histogram.group(1)) > 0, html + ": the histogram has ticks");
    }
}

package dev.entitynet.transport.enet.interop;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Builds the C programs in src/test/c against Debian's libenet and runs them. Locally the tests
 * skip when gcc or libenet-dev is missing; with CI=true they fail instead.
 */
final class LibEnet {
    private static final Path SOURCES = Path.of("src/test/c");
    private static final Path BINARIES = Path.of("target/libenet-bin");

    private LibEnet() {
    }

    /** Compiles {@code name}.c (once per build) and returns the executable. */
    static synchronized Path program(String name) throws IOException, InterruptedException {
        Path binary = BINARIES.resolve(name);
        Path source = SOURCES.resolve(name + ".c");
        if (Files.exists(binary) && Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) > 0) {
            return binary;
        }
        Files.createDirectories(BINARIES);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString(), "-lenet")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            unavailable("gcc is not installed (" + e.getMessage() + ")");
            throw e;
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            if (output.contains("enet/enet.h") || output.contains("-lenet")) {
                unavailable("libenet-dev is not installed: " + output);
            }
            throw new AssertionError("gcc failed for " + source + ":\n" + output);
        }
        return binary;
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true requires gcc and libenet-dev (apt-get install -y libenet-dev gcc): " + why);
        }
        Assumptions.abort("skipping libenet interop: " + why);
    }

    /** A running C program whose stdout lines can be awaited. */
    static final class Program implements AutoCloseable {
        private final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder transcript = new StringBuilder();

        Program(Path binary, List<String> args) throws IOException {
            List<String> command = new java.util.ArrayList<>();
            command.add(binary.toString());
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process went away; whatever was read is in the queue
                }
            }, "libenet-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line starting with {@code prefix} (earlier lines are kept in the transcript). */
        String await(String prefix, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("no line starting with '" + prefix + "' within " + timeoutMillis + " ms; output so far:\n"
                            + transcript);
                }
                transcript.append(line).append('\n');
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        /** The next line starting with {@code prefix} if one has already arrived, else null. */
        String poll(String prefix) {
            String line;
            while ((line = lines.poll()) != null) {
                transcript.append(line).append('\n');
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        int exitValue() {
            return process.exitValue();
        }

        String transcript() {
            return transcript.toString();
        }

        /** SIGKILL: the peer vanishes without a word. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            kill();
        }
    }
}

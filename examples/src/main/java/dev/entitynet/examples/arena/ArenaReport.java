package dev.entitynet.examples.arena;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The labelled results of a run, printed as text and written as the HTML page. */
final class ArenaReport {
    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private BandwidthSeries bandwidth;
    private String ticksOf;
    private TickTimes ticks;

    ArenaReport(String title) {
        this.title = title;
    }

    /** Adds a labelled value, formatted with {@code String.format} (root locale). */
    ArenaReport fact(String label, String format, Object... args) {
        facts.put(label, String.format(Locale.ROOT, format, args));
        return this;
    }

    /** The tick-time and allocation lines of {@code side} ("server", "client"). */
    ArenaReport ticks(String side, TickMeter meter) {
        TickTimes t = meter.times();
        fact(side + " tick time", "p50 %.0f µs, p99 %.0f µs, max %.0f µs (%d steady ticks)",
                t.percentile(50) / 1e3, t.percentile(99) / 1e3, t.max() / 1e3, t.count());
        return fact(side + " allocation", "%.1f bytes/tick in the steady state (max %d in one tick, %d of %d ticks allocated,"
                        + " the last at tick %d; game thread only, Netty I/O threads not included)",
                meter.bytesPerTick(), meter.maxTickBytes(), meter.allocatingTicks(), meter.steadyTicks(), meter.lastAllocatingTick());
    }

    /** One line per client: its mean payload bytes in and out per second. */
    ArenaReport traffic(BandwidthSeries bandwidth) {
        for (int c = 0; c < bandwidth.clients(); c++) {
            fact(bandwidth.name(c), "in %s/s, out %s/s", bytes(bandwidth.meanIn(c)), bytes(bandwidth.meanOut(c)));
        }
        return this;
    }

    /** One line per client: the entities in its view and the spawns and despawns per second it was sent. */
    ArenaReport view(ViewSeries view) {
        for (int i = 0; i < view.clients(); i++) {
            fact("view " + view.client(i), "%.0f entities in view, %.1f spawns/s, %.1f despawns/s", view.meanInView(i),
                    view.spawnsPerSecond(i), view.despawnsPerSecond(i));
        }
        return this;
    }

    /** 12345.6 bytes as "12.3 KB", 1.2e6 as "1.20 MB". */
    static String bytes(double amount) {
        if (amount >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", amount / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f KB", amount / 1e3);
    }

    /** The convergence outcome, listing up to {@code shown} divergences. */
    ArenaReport convergence(ConvergenceCheck check, int shown) {
        if (check.converged()) {
            return fact("convergence", "OK: %d (entity, client) pairs agree", check.checked());
        }
        List<String> problems = check.divergences();
        fact("convergence", "DIVERGED: %d problems in %d (entity, client) pairs", problems.size(), check.checked());
        for (int i = 0; i < Math.min(shown, problems.size()); i++) {
            facts.put("  divergence " + (i + 1), problems.get(i));
        }
        return this;
    }

    /** Prints the report. */
    void print(PrintStream out) {
        out.println(title);
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            out.printf(Locale.ROOT, "  %-22s %s%n", fact.getKey(), fact.getValue());
        }
    }

    /** What the HTML page plots: bandwidth per client over time and the tick times of {@code ticksOf} ("server", "client"). */
    ArenaReport plots(BandwidthSeries bandwidth, String ticksOf, TickTimes ticks) {
        this.bandwidth = bandwidth;
        this.ticksOf = ticksOf;
        this.ticks = ticks;
        return this;
    }

    /** Writes the HTML page with the facts and the {@link #plots}; returns its absolute path. */
    Path writeHtml(Path file) throws IOException {
        if (bandwidth == null) {
            throw new IllegalStateException("set the report's plots before writing its HTML page");
        }
        HtmlReport.write(file, title, facts, bandwidth, ticksOf, ticks);
        return file.toAbsolutePath();
    }
}

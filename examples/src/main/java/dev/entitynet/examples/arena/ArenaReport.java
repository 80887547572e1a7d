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

    ArenaReport(String title) {
        this.title = title;
    }

    /** Adds a labelled value, formatted with {@code String.format} (root locale). */
    ArenaReport fact(String label, String format, Object... args) {
        facts.put(label, String.format(Locale.ROOT, format, args));
        return this;
    }

    /** The server tick-time and allocation lines. */
    ArenaReport serverTicks(ServerTickMeter meter) {
        TickTimes t = meter.times();
        fact("server tick time", "p50 %.0f µs, p99 %.0f µs, max %.0f µs (%d steady ticks)",
                t.percentile(50) / 1e3, t.percentile(99) / 1e3, t.max() / 1e3, t.count());
        return fact("server allocation", "%.1f bytes/tick in the steady state (max %d in one tick, %d of %d ticks allocated;"
                        + " game thread only, Netty I/O threads not included)",
                meter.bytesPerTick(), meter.maxTickBytes(), meter.allocatingTicks(), meter.steadyTicks());
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

    /** Writes the HTML page with the bandwidth and tick-time plots; returns its absolute path. */
    Path writeHtml(Path file, BandwidthSeries bandwidth, TickTimes ticks) throws IOException {
        HtmlReport.write(file, title, facts, bandwidth, ticks);
        return file.toAbsolutePath();
    }
}

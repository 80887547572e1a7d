package dev.entitynet.jmh;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Runs every benchmark (or those matching a regex) with short settings and the GC profiler, and
 * writes {@code jmh-result.json} plus {@code summary.md}: throughput and bytes allocated per
 * operation, with hot paths flagged when they allocate.
 *
 * <p>usage: {@code Suite [--out DIR] [--include REGEX] [--iterations N]}
 */
public final class Suite {
    /** Below this, JMH's allocation figure is measurement noise: the operation allocates nothing. */
    static final double ZERO_ALLOCATION_THRESHOLD = 1.0;

    private Suite() {
    }

    /** Runs the suite; exits non-zero when JMH fails. */
    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of("bench-results");
        String include = ".*";
        int iterations = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--include" -> include = value(args, ++i);
                case "--iterations" -> iterations = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; accepted: --out DIR, --include REGEX, --iterations N");
            }
        }
        Files.createDirectories(out);
        Path json = out.resolve("jmh-result.json");
        Options options = new OptionsBuilder()
                .include(include)
                .exclude(Suite.class.getName())
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Path summary = out.resolve("summary.md");
        Files.writeString(summary, markdown(results));
        System.out.println("wrote " + json + " and " + summary);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** A Markdown table of the results: one row per benchmark and parameter set. */
    static String markdown(Collection<RunResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark summary\n\n")
                .append("Short settings (1 fork, 1 warmup and a few 1 s measurements) on this machine: indicative, not final.\n")
                .append("Allocation is JMH's `gc.alloc.rate.norm`; below ").append(ZERO_ALLOCATION_THRESHOLD).append(" B/op counts as zero.\n\n")
                .append("| benchmark | parameters | score | error | unit | allocation (B/op) |\n")
                .append("|---|---|---:|---:|---|---:|\n");
        List<String> allocating = new ArrayList<>();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            Result<?> primary = run.getPrimaryResult();
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            String name = params.getBenchmark().replaceFirst("^dev\\.entitynet\\.jmh\\.", "");
            String parameters = parameters(params);
            md.append("| ").append(name).append(" | ").append(parameters).append(" | ")
                    .append(format(primary.getScore())).append(" | ").append(format(primary.getScoreError())).append(" | ")
                    .append(primary.getScoreUnit()).append(" | ")
                    .append(alloc == null ? "n/a" : format(alloc.getScore())).append(" |\n");
            if (alloc != null && alloc.getScore() >= ZERO_ALLOCATION_THRESHOLD) {
                allocating.add(name + " " + parameters + ": " + format(alloc.getScore()) + " B/op");
            }
        }
        md.append("\n");
        if (allocating.isEmpty()) {
            md.append("Every benchmark allocated less than ").append(ZERO_ALLOCATION_THRESHOLD).append(" B/op.\n");
        } else {
            md.append("Benchmarks that allocate:\n\n");
            for (String line : allocating) {
                md.append("- ").append(line).append('\n');
            }
        }
        return md.toString();
    }

    private static String parameters(BenchmarkParams params) {
        StringBuilder s = new StringBuilder();
        for (String key : params.getParamsKeys()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(key).append('=').append(params.getParam(key));
        }
        return s.length() == 0 ? "-" : s.toString();
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}

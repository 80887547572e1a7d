package dev.entitynet.examples.arena;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The arena report as one HTML page with its figures and two plots, for looking rather than reading. */
public final class HtmlReport {
    private static final int HISTOGRAM_BUCKETS = 40;

    private HtmlReport() {
    }

    /**
     * Writes the page.
     *
     * @param facts labelled values shown as a table, in order
     * @param bandwidth bytes per second per client over the run
     * @param ticksOf whose ticks {@code ticks} are ("server", "client")
     * @param ticks tick durations
     */
    public static void write(Path file, String title, Map<String, String> facts, BandwidthSeries bandwidth, String ticksOf, TickTimes ticks)
            throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(SvgCharts.escape(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:780px} td{padding:2px 12px 2px 0} td:first-child{color:#555}</style>\n")
                .append("</head><body>\n<h1>").append(SvgCharts.escape(title)).append("</h1>\n<table>\n");
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            html.append("<tr><td>").append(SvgCharts.escape(fact.getKey())).append("</td><td>").append(SvgCharts.escape(fact.getValue())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Bandwidth per client</h2>\n").append(bandwidthChart(bandwidth));
        html.append("<h2>").append(SvgCharts.escape(Character.toUpperCase(ticksOf.charAt(0)) + ticksOf.substring(1))).append(" tick time</h2>\n").append(tickHistogram(ticks)).append("</body></html>\n");
        Files.writeString(file, html.toString());
    }

    private static String bandwidthChart(BandwidthSeries bandwidth) {
        double[][] series = new double[2 * bandwidth.clients()][bandwidth.seconds()];
        String[] names = new String[series.length];
        for (int c = 0; c < bandwidth.clients(); c++) {
            names[2 * c] = bandwidth.name(c) + " in";
            names[2 * c + 1] = bandwidth.name(c) + " out";
            for (int s = 0; s < bandwidth.seconds(); s++) {
                series[2 * c][s] = bandwidth.in(c, s);
                series[2 * c + 1][s] = bandwidth.out(c, s);
            }
        }
        return SvgCharts.lines("Payload bytes per second, received (in) and sent (out) by each client", "second", "bytes/s", series, names);
    }

    private static String tickHistogram(TickTimes ticks) {
        int[] bins = ticks.histogram(HISTOGRAM_BUCKETS);
        String[] labels = new String[HISTOGRAM_BUCKETS];
        double binMicros = ticks.max() / 1000.0 / HISTOGRAM_BUCKETS;
        for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
            labels[i] = String.format(Locale.ROOT, "%.0f", i * binMicros);
        }
        return SvgCharts.bars("Ticks by duration (" + ticks.count() + " ticks)", "tick time (µs, bin start)", "ticks", bins, labels);
    }
}

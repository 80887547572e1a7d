package dev.entitynet.examples.arena;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPartsTest {
    @Test
    void tickPercentilesAndHistogram() {
        TickTimes ticks = new TickTimes(100);
        for (int i = 1; i <= 100; i++) {
            ticks.record(i * 1000L);
        }
        ticks.record(1); // beyond capacity: ignored
        assertEquals(100, ticks.count());
        assertEquals(50_000, ticks.percentile(50));
        assertEquals(99_000, ticks.percentile(99));
        assertEquals(100_000, ticks.max());
        int[] bins = ticks.histogram(4);
        assertEquals(100, bins[0] + bins[1] + bins[2] + bins[3]);
        assertArrayEquals(new int[] {24, 25, 25, 26}, bins);
    }

    @Test
    void bandwidthIsTheDifferenceOfCumulativeCounters() {
        BandwidthSeries series = new BandwidthSeries(new String[] {"a", "b"}, 10);
        series.sample(0, 100, 10);
        series.sample(1, 50, 5);
        series.endSecond();
        series.sample(0, 300, 30);
        series.sample(1, 50, 5);
        series.endSecond();
        assertEquals(2, series.seconds());
        assertEquals(200, series.in(0, 1));
        assertEquals(0, series.in(1, 1));
        assertEquals(150.0, series.meanIn(0));
        assertEquals(15.0, series.meanOut(0));
    }

    @Test
    void htmlReportHoldsTheFactsAndBothPlots(@TempDir Path dir) throws Exception {
        TickTimes ticks = new TickTimes(10);
        ticks.record(5_000);
        ticks.record(9_000);
        BandwidthSeries series = new BandwidthSeries(new String[] {"client 7"}, 5);
        series.sample(0, 1000, 100);
        series.endSecond();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("entities", "1000 <all>");
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, "arena", facts, series, "server", ticks);
        String html = Files.readString(file);
        assertTrue(html.contains("1000 &lt;all&gt;"), "facts are escaped");
        assertEquals(2, html.split("<svg").length - 1, "two plots");
        assertTrue(html.contains("<polyline") && html.contains("<rect"));
        assertTrue(html.contains("client 7 in") && html.contains("client 7 out"), "in and out plotted, named");
        assertTrue(html.contains("Server tick time"));
    }
}

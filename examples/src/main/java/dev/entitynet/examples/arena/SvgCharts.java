package dev.entitynet.examples.arena;

import java.util.Locale;

/** Small self-contained SVG charts for the HTML report: no scripts, no external files. */
final class SvgCharts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 280;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;
    private static final int RIGHT = 20;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private SvgCharts() {
    }

    /** One polyline per series over x = 0..n-1, with a legend. */
    static String lines(String title, String xLabel, String yLabel, double[][] series, String[] names) {
        double maxY = 1;
        int points = 0;
        for (double[] s : series) {
            points = Math.max(points, s.length);
            for (double v : s) {
                maxY = Math.max(maxY, v);
            }
        }
        StringBuilder svg = open(title, xLabel, yLabel, maxY, Math.max(points - 1, 1));
        for (int i = 0; i < series.length; i++) {
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(COLORS[i % COLORS.length]).append("\" points=\"");
            for (int x = 0; x < series[i].length; x++) {
                svg.append(fmt(px(x, Math.max(points - 1, 1)))).append(',').append(fmt(py(series[i][x], maxY))).append(' ');
            }
            svg.append("\"/>\n");
            svg.append("<text x=\"").append(WIDTH - RIGHT - 150).append("\" y=\"").append(TOP + 14 * (i + 1))
                    .append("\" font-size=\"11\" fill=\"").append(COLORS[i % COLORS.length]).append("\">").append(escape(names[i])).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** Vertical bars, one per value, labelled below by {@code labels} (every few bars). */
    static String bars(String title, String xLabel, String yLabel, int[] values, String[] labels) {
        double maxY = 1;
        for (int v : values) {
            maxY = Math.max(maxY, v);
        }
        StringBuilder svg = open(title, xLabel, yLabel, maxY, 0);
        double barWidth = (double) (WIDTH - LEFT - RIGHT) / values.length;
        int labelEvery = Math.max(1, values.length / 8);
        for (int i = 0; i < values.length; i++) {
            double x = LEFT + i * barWidth;
            double y = py(values[i], maxY);
            svg.append("<rect fill=\"#1f77b4\" x=\"").append(fmt(x + 1)).append("\" y=\"").append(fmt(y))
                    .append("\" width=\"").append(fmt(Math.max(barWidth - 2, 1))).append("\" height=\"").append(fmt(HEIGHT - BOTTOM - y)).append("\"/>\n");
            if (i % labelEvery == 0) {
                svg.append("<text font-size=\"10\" x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 14).append("\">")
                        .append(escape(labels[i])).append("</text>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title, String xLabel, String yLabel, double maxY, int maxX) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\">\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        svg.append("<line stroke=\"#333\" x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        svg.append("<line stroke=\"#333\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        for (int tick = 0; tick <= 4; tick++) {
            double value = maxY * tick / 4;
            double y = py(value, maxY);
            svg.append("<text font-size=\"10\" text-anchor=\"end\" x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 3)).append("\">")
                    .append(compact(value)).append("</text>\n");
            svg.append("<line stroke=\"#ddd\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\"/>\n");
        }
        if (maxX > 0) {
            for (int tick = 0; tick <= 4; tick++) {
                int x = maxX * tick / 4;
                svg.append("<text font-size=\"10\" x=\"").append(fmt(px(x, maxX) - 4)).append("\" y=\"").append(HEIGHT - BOTTOM + 14).append("\">")
                        .append(x).append("</text>\n");
            }
        }
        svg.append("<text font-size=\"11\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT - 6).append("\">").append(escape(xLabel)).append("</text>\n");
        svg.append("<text font-size=\"11\" transform=\"rotate(-90)\" x=\"").append(-HEIGHT / 2 - 40).append("\" y=\"14\">").append(escape(yLabel)).append("</text>\n");
        return svg;
    }

    private static double px(int x, int maxX) {
        return LEFT + (double) x * (WIDTH - LEFT - RIGHT) / maxX;
    }

    private static double py(double value, double maxY) {
        return HEIGHT - BOTTOM - value * (HEIGHT - BOTTOM - TOP) / maxY;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** 1234567 as "1.2M", for axis labels. */
    static String compact(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

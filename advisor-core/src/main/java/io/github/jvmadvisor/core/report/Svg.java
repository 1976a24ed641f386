package io.github.jvmadvisor.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG chart: one x axis, one y axis starting at 0, series drawn as lines, points or bars,
 * a legend. Enough for the HTML report, with no script and no external asset. Labels are escaped.
 */
final class Svg {

    static final int W = 720;
    static final int H = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    enum Style { LINE, POINTS, BARS }

    record Series(String name, Style style, double[] x, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private String[] categories;

    Svg(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    Svg add(String name, Style style, double[] x, double[] y) {
        series.add(new Series(name, style, x, y));
        return this;
    }

    /** Category names for a bar chart whose x values are 0, 1, 2, ... */
    Svg categories(String... names) {
        categories = names;
        return this;
    }

    String render() {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i]) || !Double.isFinite(s.x[i])) {
                    continue;
                }
                xMin = Math.min(xMin, s.x[i]);
                xMax = Math.max(xMax, s.x[i]);
                yMax = Math.max(yMax, s.y[i]);
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
        }
        if (categories != null) {
            xMin = -0.5;
            xMax = categories.length - 0.5;
        } else if (xMax == xMin) {
            xMax = xMin + 1;
        }
        yMax = niceCeil(yMax <= 0 ? 1 : yMax * 1.05);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                W, H, W, H, AdviceHtml.esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"t\">%s</text>", LEFT, AdviceHtml.esc(title)));
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        // axes and y grid
        for (int k = 0; k <= 4; k++) {
            double v = yMax * k / 4;
            double y = TOP + ph - ph * k / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"g\"/>", LEFT, W - RIGHT, y, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"a\" text-anchor=\"end\">%s</text>", LEFT - 4, y + 4, fmt(v)));
        }
        if (categories != null) {
            for (int c = 0; c < categories.length; c++) {
                double x = LEFT + pw * (c - xMin) / (xMax - xMin);
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"a\" text-anchor=\"middle\">%s</text>", x, H - BOTTOM + 14,
                        AdviceHtml.esc(categories[c])));
            }
        } else {
            for (int k = 0; k <= 4; k++) {
                double v = xMin + (xMax - xMin) * k / 4;
                double x = LEFT + pw * k / 4.0;
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"a\" text-anchor=\"middle\">%s</text>", x, H - BOTTOM + 14, fmt(v)));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"a\" text-anchor=\"middle\">%s</text>", LEFT + pw / 2, H - 6, AdviceHtml.esc(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" class=\"a\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                TOP + ph / 2, TOP + ph / 2, AdviceHtml.esc(yLabel)));
        int bars = (int) series.stream().filter(s -> s.style == Style.BARS).count();
        int bar = 0;
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            String color = COLORS[si % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i]) || !Double.isFinite(s.x[i])) {
                    continue;
                }
                double x = LEFT + pw * (s.x[i] - xMin) / (xMax - xMin);
                double y = TOP + ph - ph * s.y[i] / yMax;
                switch (s.style) {
                    case LINE -> path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
                    case POINTS -> sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x, y, color));
                    case BARS -> {
                        double slot = categories != null ? pw / (double) categories.length : Math.max(2, pw / (double) Math.max(1, s.x.length));
                        double bw = slot * 0.8 / Math.max(1, bars);
                        double bx = x - slot * 0.4 + bar * bw;
                        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", bx, y,
                                Math.max(0.5, bw), TOP + ph - y, color));
                    }
                }
            }
            if (s.style == Style.BARS) {
                bar++;
            }
            if (path.length() > 0) {
                sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>", path.toString().trim(), color));
            }
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"a\">%s</text>",
                    W - RIGHT - 190, TOP + 4 + si * 14, color, W - RIGHT - 176, TOP + 13 + si * 14, AdviceHtml.esc(s.name)));
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

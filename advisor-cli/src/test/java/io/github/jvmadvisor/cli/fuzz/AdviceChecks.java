package io.github.jvmadvisor.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.fuzz.Fuzz;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.report.AdviceText;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every input, however damaged, must give through the whole pipeline: the analysis checks of
 * {@link Fuzz}, advice from all the rules with no rule failing, and every advice format sound and inert.
 */
final class AdviceChecks {

    /**
     * The elements {@link AdviceHtml} and its SVG charts write (see their sources); anything else in a page was
     * made by input text that escaped escaping. Among them is no {@code script}: the page has none, and its
     * Content Security Policy forbids any.
     */
    static final Set<String> HTML_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "h1", "h2", "p",
            "b", "br", "code", "pre", "span", "small", "ul", "ol", "li", "table", "tr", "th", "td", "tbody",
            "svg", "line", "rect", "circle", "path", "text", "polyline", "g");
    /** The attributes the renderer writes; never an event handler, a link or a source. */
    static final Set<String> HTML_ATTRIBUTES = Set.of("charset", "http-equiv", "content", "name", "lang", "id",
            "class", "viewbox", "width", "height", "xmlns", "role", "aria-label", "x", "y", "x1", "x2", "y1", "y2",
            "cx", "cy", "r", "d", "fill", "stroke", "stroke-width", "stroke-dasharray", "text-anchor", "opacity",
            "fill-opacity", "font-size", "transform", "dominant-baseline", "points", "style");

    /** Markup outside code in Markdown: a tag-like {@code <x} or {@code </x} not escaped, other than the table's {@code <br>}. */
    private static final Pattern MD_MARKUP = Pattern.compile("(?<!\\\\)<(?!br>)/?[A-Za-z]");
    /** A link or image written by the input: {@code ](} not escaped. */
    private static final Pattern MD_LINK = Pattern.compile("(?<!\\\\)\\]\\(");

    private AdviceChecks() {
    }

    /** Analyses {@code file} and checks the analysis, the advice and every format. */
    static void all(Path file) {
        all(java.util.List.of(file));
    }

    /** Analyses the files together and checks the analysis, the advice and every format. */
    static void all(java.util.List<Path> files) {
        Evidence e = Fuzz.analyze(files);
        Fuzz.analysisOutputsAreSound(e);
        advice(e);
    }

    static void advice(Evidence e) {
        Report r = assertTimeoutPreemptively(Fuzz.BOUND, () -> assertDoesNotThrow(
                () -> Advisor.builder().build().advise(e), "advise threw"));
        // the engine turns a rule that throws into an error entry; on input it has read, none may
        assertTrue(r.errors().isEmpty(), "rules failed: " + r.errors());
        Fuzz.isJson("AdviceJson", assertDoesNotThrow(() -> AdviceJson.toJson(r), "AdviceJson"));
        Fuzz.noControlCharacters("AdviceText", assertDoesNotThrow(() -> AdviceText.render(r), "AdviceText"));
        markdown(assertDoesNotThrow(() -> AdviceMarkdown.render(r), "AdviceMarkdown"));
        html(assertDoesNotThrow(() -> AdviceHtml.render(r), "AdviceHtml"));
    }

    /** No control character; outside fenced blocks and code spans, no markup and no link from input. */
    static void markdown(String md) {
        Fuzz.noControlCharacters("AdviceMarkdown", md);
        String prose = md.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
        for (Pattern p : new Pattern[] {MD_MARKUP, MD_LINK}) {
            Matcher m = p.matcher(prose);
            if (m.find()) {
                int from = Math.max(0, m.start() - 80);
                throw new AssertionError("AdviceMarkdown holds raw " + p + ": "
                        + prose.substring(from, Math.min(prose.length(), m.end() + 40)));
            }
        }
    }

    /** Parses as HTML with only the renderer's own elements and attributes; no script. */
    static void html(String page) {
        Document d = Jsoup.parse(page);
        assertEquals(0, d.select("script").size(), "a <script> element");
        for (Element el : d.getAllElements()) {
            if (el == d) {
                continue;
            }
            assertTrue(HTML_ELEMENTS.contains(el.normalName()), "element <" + el.normalName()
                    + "> is not the renderer's: " + el.outerHtml());
            for (Attribute a : el.attributes()) {
                String n = a.getKey().toLowerCase(java.util.Locale.ROOT);
                assertFalse(n.startsWith("on"), "event handler " + n + " in " + el.outerHtml());
                assertTrue(HTML_ATTRIBUTES.contains(n), "attribute " + n + " is not the renderer's: " + el.outerHtml());
            }
        }
    }
}

package io.github.jvmadvisor.jmh;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a fork's report files: {@code advice.txt}, {@code advice.json} and, when asked, {@code advice.html}. */
final class ForkReports {

    private ForkReports() {
    }

    /** Writes the reports; returns the paths written, the text report first. */
    static List<Path> write(Path dir, Report report, boolean html) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(Files.writeString(dir.resolve("advice.txt"), AdviceText.render(report), StandardCharsets.UTF_8));
        out.add(Files.writeString(dir.resolve("advice.json"), AdviceJson.toJson(report), StandardCharsets.UTF_8));
        if (html) {
            out.add(Files.writeString(dir.resolve("advice.html"), AdviceHtml.render(report), StandardCharsets.UTF_8));
        }
        return out;
    }
}

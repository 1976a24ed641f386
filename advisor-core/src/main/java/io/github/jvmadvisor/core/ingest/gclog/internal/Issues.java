package io.github.jvmadvisor.core.ingest.gclog.internal;

import io.github.jvmadvisor.core.model.InputIssue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects input issues with a cap per code, so a file full of garbage yields a handful of examples
 * and a count instead of a million entries.
 */
public final class Issues {

    /** Examples kept per issue code. */
    public static final int PER_CODE = 20;

    private final List<InputIssue> kept = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();

    /** Records an issue; keeps it when fewer than {@link #PER_CODE} of its code were kept. */
    public void add(String source, long line, String code, String message) {
        long n = counts.merge(code, 1L, Long::sum);
        if (n <= PER_CODE) {
            kept.add(new InputIssue(source, line, code, message));
        }
    }

    /** Issues of a code seen so far (kept or not). */
    public long count(String code) {
        return counts.getOrDefault(code, 0L);
    }

    /** The kept issues, plus one line per code that had more than were kept. */
    public List<InputIssue> list(String source) {
        List<InputIssue> out = new ArrayList<>(kept);
        counts.entrySet().stream().filter(en -> en.getValue() > PER_CODE).sorted(Map.Entry.comparingByKey())
                .forEach(en -> out.add(new InputIssue(source, 0, en.getKey(),
                        (en.getValue() - PER_CODE) + " more '" + en.getKey() + "' issues not listed")));
        return out;
    }

    /** Shortens input text for a message: at most 160 characters, control characters replaced. */
    public static String excerpt(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 170));
        for (int i = 0; i < text.length() && sb.length() < 160; i++) {
            char ch = text.charAt(i);
            sb.append(ch < ' ' || ch == 0x7f ? '?' : ch);
        }
        if (text.length() > 160) {
            sb.append("...");
        }
        return sb.toString();
    }
}

package io.github.jvmadvisor.core.flags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the bundled catalogues, into plain maps (in order), lists, strings, numbers
 * ({@code Integer}, {@code Long} or {@code Double}), booleans and {@code null}. The catalogue is read at
 * application startup ({@code JvmAdvisor.atStartup}), where loading Jackson's parser classes was about
 * half the cost of the first catalogue. Strict: anything that is not one JSON value is an {@link IOException}
 * with the offset.
 */
final class MiniJson {

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    /** The one JSON value of the stream (UTF-8). */
    static Object read(InputStream in) throws IOException {
        return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The one JSON value of {@code text}. */
    static Object read(String text) throws IOException {
        MiniJson p = new MiniJson(text);
        p.space();
        if (p.i < p.s.length() && p.s.charAt(p.i) == '\uFEFF') {
            p.i++;
            p.space();
        }
        if (p.i >= p.s.length()) {
            return null;
        }
        Object v = p.value();
        p.space();
        if (p.i < p.s.length()) {
            throw p.error("text after the JSON value");
        }
        return v;
    }

    private Object value() throws IOException {
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("a field name expected");
            }
            String name = string();
            space();
            expect(':');
            space();
            m.put(name, value());
            space();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array() throws IOException {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            space();
            l.add(value());
            space();
            char c = next();
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() throws IOException {
        i++; // the opening quote
        int start = i;
        // the common case: no escapes
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return s.substring(start, i++);
            }
            if (c == '\\') {
                break;
            }
            i++;
        }
        StringBuilder b = new StringBuilder(s.length() - start < 64 ? 64 : 128).append(s, start, i);
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    b.append(e);
                    break;
                case 'b':
                    b.append('\b');
                    break;
                case 'f':
                    b.append('\f');
                    break;
                case 'n':
                    b.append('\n');
                    break;
                case 'r':
                    b.append('\r');
                    break;
                case 't':
                    b.append('\t');
                    break;
                case 'u':
                    if (i + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                    break;
                default:
                    throw error("bad escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private Object number() throws IOException {
        int start = i;
        boolean real = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                real = true;
            } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        String t = s.substring(start, i);
        try {
            if (real) {
                return Double.parseDouble(t);
            }
            long v = Long.parseLong(t);
            return v == (int) v ? (Object) (int) v : (Object) v;
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(t); // beyond a long
            } catch (NumberFormatException e2) {
                i = start;
                throw error("bad number " + t);
            }
        }
    }

    private Object literal(String word, Object v) throws IOException {
        if (!s.startsWith(word, i)) {
            throw error("unexpected '" + s.charAt(i) + "'");
        }
        i += word.length();
        return v;
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private char peek() throws IOException {
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() throws IOException {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) throws IOException {
        if (next() != c) {
            i--;
            throw error("'" + c + "' expected");
        }
    }

    private IOException error(String what) {
        return new IOException("JSON: " + what + " at offset " + i);
    }
}

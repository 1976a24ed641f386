package io.github.jvmadvisor.rules.heap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-codec-like loop: builds small documents (maps of strings, boxed numbers and lists), encodes each to text and
 * parses it back, keeps the decoded documents of a batch until the batch is done (objects that live for a few MB of
 * allocation) and every 16th one in a bounded cache, filled at the start (the live set). Almost everything it allocates dies young.
 *
 * <p>Arguments: {@code seconds cacheMiB batchDocs}. Prints {@code done <documents>} (the work done) at the end.
 */
public final class CodecWorkload {

    private CodecWorkload() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        int cacheMiB = Integer.parseInt(args[1]);
        int batchDocs = Integer.parseInt(args[2]);
        // a decoded document holds about 2 KB
        Object[] cache = new Object[cacheMiB * 512];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = decode(encode(document(-i)));
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        List<Map<String, Object>> batch = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Map<String, Object> doc = decode(encode(document(n)));
            batch.add(doc);
            if (batch.size() >= batchDocs) {
                batch = new ArrayList<>();
            }
            if ((n & 15) == 0) {
                cache[(int) ((n >>> 4) % cache.length)] = doc;
            }
            n++;
        }
        System.out.println("done " + n + " " + batch.size());
    }

    static Map<String, Object> document(long n) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", n);
        d.put("name", "customer-" + n);
        d.put("email", "user" + (n % 9973) + "@example.org");
        d.put("balance", (double) (n % 100_000) / 100);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add("sku-" + (n + i) % 5000 + ":" + i);
        }
        d.put("items", items);
        d.put("note", "order " + n + " shipped to warehouse " + (n % 17));
        return d;
    }

    static String encode(Map<String, Object> d) {
        StringBuilder sb = new StringBuilder(256).append('{');
        for (Map.Entry<String, Object> e : d.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":");
            value(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof String s) {
            sb.append('"').append(s).append('"');
        } else {
            sb.append(v);
        }
    }

    /** Parses what {@link #encode} writes (flat objects of strings, numbers and lists of strings). */
    static Map<String, Object> decode(String s) {
        Map<String, Object> d = new LinkedHashMap<>();
        int[] at = {1};
        while (s.charAt(at[0]) != '}') {
            if (s.charAt(at[0]) == ',') {
                at[0]++;
            }
            String key = string(s, at);
            at[0]++; // ':'
            d.put(key, parseValue(s, at));
        }
        return d;
    }

    private static Object parseValue(String s, int[] at) {
        char c = s.charAt(at[0]);
        if (c == '"') {
            return string(s, at);
        }
        if (c == '[') {
            List<Object> l = new ArrayList<>();
            at[0]++;
            while (s.charAt(at[0]) != ']') {
                if (s.charAt(at[0]) == ',') {
                    at[0]++;
                }
                l.add(parseValue(s, at));
            }
            at[0]++;
            return l;
        }
        int start = at[0];
        while (at[0] < s.length() && ",}]".indexOf(s.charAt(at[0])) < 0) {
            at[0]++;
        }
        String num = s.substring(start, at[0]);
        return num.indexOf('.') >= 0 ? (Object) Double.valueOf(num) : (Object) Long.valueOf(num);
    }

    private static String string(String s, int[] at) {
        int end = s.indexOf('"', at[0] + 1);
        String out = s.substring(at[0] + 1, end);
        at[0] = end + 1;
        return out;
    }
}

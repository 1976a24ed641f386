package io.github.jvmadvisor.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link RuleSet#isId} replaced a regex on the startup path; it must accept exactly what the regex accepted. */
class RuleSetIdTest {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-[0-9]{2,}");

    @Test
    void sameAnswersAsThePattern() {
        List<String> cases = List.of("HEAP-04", "GCSEL-08", "G1-01", "A-12", "A-123", "H1-100", "HEAP-4", "heap-04",
                "-12", "A12", "A-1a", "AB-12-34", "A_B-12", "", "-", "A-", "A--12", "Ä-12", "1A-12", "AB-1 ", " AB-12");
        for (String c : cases) {
            assertEquals(ID.matcher(c).matches(), RuleSet.isId(c), c);
        }
        Random r = new Random(7);
        String alphabet = "AZ09a-_";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(ID.matcher(s).matches(), RuleSet.isId(s), s);
        }
    }
}

package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

    private static Object read(String json) throws IOException {
        return MiniJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsValuesInOrder() throws IOException {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1);
        expected.put("a", Arrays.asList("x\"y\\z/\n\t\u00e9\u20ac", 4_000_000_000L, -2.5e3, true, false, null));
        expected.put("e", Map.of());
        assertEquals(expected, read(" {\"b\":1, \"a\" : [\"x\\\"y\\\\z\\/\\n\\t\u00e9\\u20ac\", 4000000000, -2.5e3, true,"
                + " false, null], \"e\": {}}\n"));
        assertEquals(List.of(), read("[]"));
        assertEquals(null, read("  "));
    }

    @Test
    void rejectsWhatIsNotOneJsonValue() {
        for (String bad : List.of("{", "{\"a\" 1}", "[1,]", "[1 2]", "\"open", "tru", "{} {}", "[\"\\x\"]", "-")) {
            IOException e = assertThrows(IOException.class, () -> read(bad), bad);
            assertTrue(e.getMessage().contains("at offset"), e.getMessage());
        }
    }
}

package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalogues are read lazily (each flag's line parsed when first asked for); they must answer exactly
 * as the whole file parsed at once does, and a text not laid out one flag per line must still be read whole.
 */
class LazyCatalogueTest {

    @Test
    void bundledNamesEveryCatalogueAmongTheResources() {
        List<Integer> found = new java.util.ArrayList<>();
        for (int f = 8; f <= 99; f++) {
            if (FlagCatalogue.hasResource(f)) {
                found.add(f);
            }
        }
        assertEquals(found, FlagCatalogue.bundled(), "FlagCatalogue.BUNDLED_RELEASES must list the jdkNN.json resources");
        assertEquals(List.of(17, 21, 25), found);
    }

    @Test
    void lazyBundledCataloguesEqualTheEagerlyParsedFiles() throws Exception {
        for (int f : FlagCatalogue.bundled()) {
            String text = resource(f);
            FlagCatalogue eager = CatalogueJson.read(text);
            FlagCatalogue lazy = CatalogueJson.readBundled(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertInstanceOf(LazyFlags.class, flagsMap(lazy), "JDK " + f + " is read lazily");
            // every flag found by binary search, before anything indexes the lines, and the neighbours of each name
            FlagCatalogue fresh = CatalogueJson.readBundled(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            for (FlagInfo want : eager.flags()) {
                assertEquals(want, fresh.flag(want.name()).orElse(null), "JDK " + f + " " + want.name());
                assertFalse(fresh.flag(want.name() + "_").isPresent());
                assertFalse(fresh.flag(want.name().substring(0, want.name().length() - 1) + "!").isPresent());
            }
            assertEquals(eager.about(), lazy.about());
            assertEquals(eager.launcherOptions(), lazy.launcherOptions());
            // single lookups first (parsing one line each), then the whole list
            for (String name : List.of("UseG1GC", "MaxRAMPercentage", "UseZGC", "UseBiasedLocking", "ZGenerational",
                    "AggressiveHeap", "NoSuchFlagAnywhere", "AAA", "zzz")) {
                assertEquals(eager.flag(name), lazy.flag(name), "JDK " + f + " " + name);
            }
            assertEquals(eager.flags(), lazy.flags(), "JDK " + f);
            assertTrue(eager.flags().size() > 900, "JDK " + f + " has " + eager.flags().size() + " flags");
            assertEquals(eager.suggestions("MaxRamPercentage"), lazy.suggestions("MaxRamPercentage"));
            assertEquals(eager.toJson(), lazy.toJson(), "JDK " + f + " writes back the same");
            assertEquals(text, lazy.toJson(), "JDK " + f + " bundled file is as the writer writes it");
        }
    }

    @Test
    void theForJdkCatalogueIsTheLazyOne() throws Exception {
        FlagCatalogue c = FlagCatalogue.forJdk(21);
        assertInstanceOf(LazyFlags.class, flagsMap(c));
        assertTrue(c.flag("UseG1GC").orElseThrow().exists());
        assertFalse(c.flag("NoSuchFlagAnywhere").isPresent());
    }

    @Test
    void flagsNotWhereTheWriterPutsThemAreReadWhole() throws Exception {
        String text = resource(17);
        // the same JSON with the flags array opened on the line of its name, and with the flags all on one line
        for (String other : List.of(text.replace("\"flags\": [\n{", "\"flags\": [{"),
                text.replace("},\n{\"name\"", "}, {\"name\"").replace("\"flags\": [\n{", "\"flags\":\n[{"))) {
            FlagCatalogue c = CatalogueJson.readBundled(new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8)));
            assertFalse(flagsMap(c) instanceof LazyFlags);
            assertEquals(CatalogueJson.read(text).flags(), c.flags());
        }
    }

    @Test
    void linesOutOfOrderOrSharedFailWhenListed() throws Exception {
        String text = resource(17);
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("{\"name\"")).findFirst().orElseThrow());
        String a = lines.get(first);
        lines.set(first, lines.get(first + 1));
        lines.set(first + 1, a);
        String joined = text.replace("},\n{\"name\":\"UseG1GC\"", "}, {\"name\":\"UseG1GC\"");
        for (String other : List.of(String.join("\n", lines), joined)) {
            FlagCatalogue c = CatalogueJson.readBundled(new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8)));
            assertInstanceOf(LazyFlags.class, flagsMap(c));
            java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.UncheckedIOException.class, c::flags);
            assertTrue(e.getMessage().contains("out of order or shares its line"), e.getMessage());
        }
    }

    @Test
    void aBrokenLineFailsWhenItsFlagIsAskedFor() throws Exception {
        String text = resource(17).replace("{\"name\":\"UseG1GC\",\"type\":\"bool\"", "{\"name\":\"UseG1GC\",\"type\":bool");
        FlagCatalogue c = CatalogueJson.readBundled(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertNotNull(c.flag("UseZGC").orElse(null));
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> c.flag("UseG1GC"));
        assertTrue(e.getMessage().contains("UseG1GC"), e.getMessage());
        assertNull(FlagCatalogue.class.getResource("/io/github/jvmadvisor/core/flags/jdk16.json"));
    }

    private static String resource(int feature) throws Exception {
        try (InputStream in = FlagCatalogue.class.getResourceAsStream("/io/github/jvmadvisor/core/flags/jdk" + feature
                + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Object flagsMap(FlagCatalogue c) throws Exception {
        java.lang.reflect.Field f = FlagCatalogue.class.getDeclaredField("flags");
        f.setAccessible(true);
        return f.get(c);
    }
}

package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.flags.internal.CatalogueGenerator;
import io.github.jvmadvisor.core.testing.Jdks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled jdk17.json and jdk25.json still describe the installed JDKs: the generator's quick mode reads each
 * JDK again (four JVM starts) and every flag's name, type, kind and plain default must match. When the installed
 * update release differs from the one the catalogue was made from, the test is skipped and says so.
 */
class BundledCataloguesTest {

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream().filter(j -> j.feature() == 17 || j.feature() == 25);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void bundledCatalogueMatchesTheInstalledJdk(Jdks.Jdk jdk) throws Exception {
        FlagCatalogue bundled = FlagCatalogue.forJdk(jdk.feature());
        FlagCatalogue fresh = CatalogueGenerator.generateQuick(jdk.home());
        assumeTrue(fresh.version().equals(bundled.version()), "JDK " + jdk.feature() + " here is " + fresh.version()
                + " but jdk" + jdk.feature() + ".json was made from " + bundled.version()
                + ": not compared; run advisor-core/src/main/flags/generate.sh to refresh it");
        Map<String, String> want = describe(bundled);
        Map<String, String> got = describe(fresh);
        List<String> diffs = new ArrayList<>();
        for (String name : union(want, got)) {
            if (!String.valueOf(want.get(name)).equals(String.valueOf(got.get(name)))) {
                diffs.add(name + ": bundled " + want.get(name) + ", JDK " + got.get(name));
            }
        }
        assertTrue(diffs.isEmpty(), diffs.size() + " differences, e.g. " + diffs.subList(0, Math.min(10, diffs.size())));
        assertEquals(bundled.about().ergonomicCollector(), fresh.about().ergonomicCollector());
    }

    /** Name -> "type kind default" for the flags the JDK has (defaults only where they are not ergonomic). */
    private static Map<String, String> describe(FlagCatalogue c) {
        Map<String, String> out = new TreeMap<>();
        for (FlagInfo f : c.flags()) {
            if (f.exists()) {
                out.put(f.name(), f.type() + " " + f.kindText() + " " + (f.ergonomicDefault() ? "(ergonomic)"
                        : f.defaultValue()));
            }
        }
        return out;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }
}

package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link FlagKind#parse} splits the kind text into words by hand (no pattern per call); the words must be those of split("\\s+"). */
class FlagKindTest {

    @Test
    void kindsFromHotSpotsBraces() {
        assertEquals(FlagKind.PRODUCT, FlagKind.parse("product"));
        assertEquals(FlagKind.PRODUCT, FlagKind.parse("product rw"));
        assertEquals(FlagKind.PRODUCT, FlagKind.parse("lp64_product"));
        assertEquals(FlagKind.DIAGNOSTIC, FlagKind.parse("ARCH diagnostic"));
        assertEquals(FlagKind.DIAGNOSTIC, FlagKind.parse("  C2 \t diagnostic  "));
        assertEquals(FlagKind.EXPERIMENTAL, FlagKind.parse("product experimental"));
        assertEquals(FlagKind.MANAGEABLE, FlagKind.parse("manageable"));
        assertEquals(FlagKind.DEVELOP, FlagKind.parse("notproduct"));
        assertNull(FlagKind.parse(""));
        assertNull(FlagKind.parse("   "));
        assertNull(FlagKind.parse("pd"));
        assertNull(FlagKind.parse(null));
    }

    @Test
    void everyKindTextOfTheBundledCataloguesParsesAsBefore() {
        for (int f : FlagCatalogue.bundled()) {
            for (FlagInfo info : FlagCatalogue.forJdk(f).flags()) {
                if (info.kindText() != null) {
                    assertEquals(byPattern(info.kindText()), FlagKind.parse(info.kindText()), info.name());
                }
            }
        }
    }

    /** The former parse, with String.split. */
    private static FlagKind byPattern(String kindText) {
        FlagKind found = null;
        for (String word : kindText.trim().split("\\s+")) {
            switch (word) {
                case "product", "lp64_product" -> found = found == null ? FlagKind.PRODUCT : found;
                case "experimental" -> found = FlagKind.EXPERIMENTAL;
                case "diagnostic" -> found = FlagKind.DIAGNOSTIC;
                case "manageable" -> found = FlagKind.MANAGEABLE;
                case "develop", "notproduct" -> found = FlagKind.DEVELOP;
                default -> {
                }
            }
        }
        return found;
    }
}

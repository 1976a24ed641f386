package io.github.jvmadvisor.core.ingest.gclog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CursorTest {

    private final Cursor c = new Cursor();

    @Test
    void sizes() {
        assertEquals(380L << 20, c.set("380M").size());
        assertEquals(2048L << 10, c.set("2048.0K").size());
        assertEquals(0, c.set("0B").size());
        assertEquals(1L << 30, c.set("1G").size());
        assertEquals(1536L << 20, c.set("1.5G").size());
        assertEquals(12L << 10, c.set("12 K").size());
        assertEquals(3L << 20, c.set("3 MB").size());
        assertEquals(-1, c.set("M").size());
        assertEquals(-1, c.set("12").size());
    }

    @Test
    void durationsAreExactToThePrintedDigit() {
        assertEquals(3_016_000L, c.set("3.016ms").duration());
        assertEquals(22_000_000L, c.set("0.022s").duration());
        assertEquals(6_572_000L, c.set("6,572ms").duration());
        assertEquals(2_979L, c.set("2979 ns").duration());
        assertEquals(12_000L, c.set("12us").duration());
        assertEquals(-1, c.set("12msx").duration());
        assertEquals(-1, c.set("ms").duration());
    }

    @Test
    void balancedGroups() {
        assertEquals("System.gc()", c.set("(System.gc()) 6M").group());
        assertEquals(" 6M", c.rest());
        assertNull(c.set("(unbalanced").group());
    }

    @Test
    void transitionsOfEveryShape() {
        assertEquals(true, c.set("18M->2M(380M)").transition(false));
        assertEquals(18L << 20, c.fromValue);
        assertEquals(380L << 20, c.capacity);
        assertEquals(true, c.set("658M(64%)->596M(58%)").transition(false));
        assertEquals(596L << 20, c.toValue);
        assertEquals(-1, c.capacity, "a percentage is not a capacity");
        assertEquals(true, c.set("103296K(116160K)->7651K(116160K) Eden: x").transition(false));
        assertEquals(7651L << 10, c.toValue);
        assertEquals(116160L << 10, c.capacity);
        assertEquals(" Eden: x", c.rest());
        assertEquals(true, c.set("18->0(17)").transition(true));
        assertEquals(17, c.capacity);
        assertEquals(true, c.set("0->0").transition(true));
        assertEquals(-1, c.capacity);
        assertEquals(false, c.set("18M-2M").transition(false));
        assertEquals(0, c.pos, "position unchanged on failure");
    }
}

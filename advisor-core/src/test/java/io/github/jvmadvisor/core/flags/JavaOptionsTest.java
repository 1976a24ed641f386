package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.flags.JavaOptions.Form;
import io.github.jvmadvisor.core.flags.JavaOptions.Kind;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaOptionsTest {

    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("-Dmsg=hello world", "-Da=it's", "-Db=$HOME", "-Dc=x y", "tail"),
                JavaOptions.tokenize("  -Dmsg='hello world' \"-Da=it's\" '-Db=$HOME' -Dc=x\\ y \\\n tail "));
        assertEquals(List.of("-Dq=say \"hi\"", ""), JavaOptions.tokenize("\"-Dq=say \\\"hi\\\"\" ''"));
        assertEquals(List.of("-Dx=unterminated rest"), JavaOptions.tokenize("-Dx='unterminated rest"));
        assertEquals(List.of(), JavaOptions.tokenize(" \t\n"));
    }

    @Test
    void readsAFullCommandLine() {
        JavaOptions o = JavaOptions.parse("/usr/lib/jvm/java-17/bin/java -Xmx2g -Xms512m -XX:+UseG1GC "
                + "-XX:-UseAdaptiveSizePolicy -XX:MaxGCPauseMillis=50 -Xlog:gc*:file=gc.log:time -Dapp=x "
                + "-cp lib/a.jar:lib/b.jar --add-opens java.base/java.lang=ALL-UNNAMED -javaagent:agent.jar "
                + "@more.args -XX:Flags=.hotspotrc com.example.Main --port 8080 -Xmx1m");
        assertEquals("/usr/lib/jvm/java-17/bin/java", o.launcher());
        assertEquals("com.example.Main", o.mainClass());
        assertEquals(List.of("--port", "8080", "-Xmx1m"), o.applicationArguments(), "after the main class");
        assertEquals(List.of(Kind.FLAG, Kind.FLAG, Kind.FLAG, Kind.FLAG, Kind.FLAG, Kind.X_OPTION,
                Kind.SYSTEM_PROPERTY, Kind.LAUNCHER, Kind.LAUNCHER, Kind.LAUNCHER, Kind.ARG_FILE, Kind.FLAGS_FILE),
                o.options().stream().map(JavaOptions.Option::kind).toList());
        assertEquals("2147483648", o.value("MaxHeapSize"));
        assertEquals("536870912", o.value("InitialHeapSize"));
        assertEquals("true", o.value("UseG1GC"));
        assertEquals("false", o.value("UseAdaptiveSizePolicy"));
        assertEquals("50", o.value("MaxGCPauseMillis"));
        JavaOptions.Option log = o.options().get(5);
        assertEquals("-Xlog", log.name());
        assertEquals("gc*:file=gc.log:time", log.value());
        JavaOptions.Option cp = o.options().get(7);
        assertEquals("-cp", cp.name());
        assertEquals("lib/a.jar:lib/b.jar", cp.value());
        assertEquals("--add-opens", o.options().get(8).name());
        assertEquals("java.base/java.lang=ALL-UNNAMED", o.options().get(8).value());
        assertEquals("-javaagent", o.options().get(9).name());
        assertEquals(".hotspotrc", o.options().get(11).value());
    }

    @Test
    void shorthandsSetTheirFlags() {
        JavaOptions o = JavaOptions.parse("-Xmn256m -Xss1m -Xss100k -jar app.jar a b");
        assertEquals("app.jar", o.jar());
        assertEquals(List.of("a", "b"), o.applicationArguments());
        assertEquals("268435456", o.value("NewSize"));
        assertEquals("268435456", o.value("MaxNewSize"), "-Xmn sets both");
        assertEquals("100", o.value("ThreadStackSize"), "kilobytes, the last -Xss wins");
        assertEquals(Form.SHORTHAND, o.lastSetting("ThreadStackSize").option().form());
        assertEquals(3, o.options().size());
        assertEquals(4, o.settings().size());
    }

    @Test
    void flagForms() {
        JavaOptions o = JavaOptions.parse("-XX:+A -XX:-B -XX:C=1 -XX:D -XX:+E=1 -XX: -XX:Flags=f -m mod/cls x");
        List<JavaOptions.Option> opts = o.options();
        assertEquals(Form.PLUS, opts.get(0).form());
        assertEquals("false", opts.get(1).value());
        assertEquals(Form.ASSIGN, opts.get(2).form());
        assertNull(opts.get(3).value(), "-XX:D has no value");
        assertEquals("a +/- flag takes no value", opts.get(4).problem());
        assertEquals("E", opts.get(4).name());
        assertEquals("no flag name", opts.get(5).problem());
        assertEquals(Kind.FLAGS_FILE, opts.get(6).kind());
        assertEquals("mod/cls", o.module());
        assertEquals(List.of("x"), o.applicationArguments());
    }

    @Test
    void sizes() {
        assertEquals(512L << 20, JavaOptions.parseSize("512m"));
        assertEquals(2L << 30, JavaOptions.parseSize("2G"));
        assertEquals(1024L << 10, JavaOptions.parseSize("1024k"));
        assertEquals(1L << 40, JavaOptions.parseSize("1t"));
        assertEquals(4096L, JavaOptions.parseSize("4096"));
        assertEquals(16L, JavaOptions.parseSize("0x10"));
        assertNull(JavaOptions.parseSize("512q"));
        assertNull(JavaOptions.parseSize("m"));
        assertNull(JavaOptions.parseSize("-1"));
        assertNull(JavaOptions.parseSize("99999999999t"), "does not fit in 63 bits");
        assertEquals(BigInteger.valueOf(-1024), JavaOptions.parseInteger("-1k"));
        assertEquals(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                JavaOptions.parseInteger("18446744073709551615"));
    }

    @Test
    void readsTheRunningJvmsArguments() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        JavaOptions o = JavaOptions.parse(args);
        assertEquals(args.size(), o.options().size(), "a JVM's input arguments are all options: " + args);
        assertNull(o.mainClass());
        assertTrue(o.problems().isEmpty());
    }
}

package io.github.jvmadvisor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example compiles as shown, imports included, against this module: its first {@code ```java}
 * block is cut into its imports and its statements, the statements put in a method, and the file compiled with
 * the JDK's javac on the test class path. A renamed type or method in the API breaks this test, not the reader.
 */
class ReadmeSnippetTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAsShown() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = JAVA_BLOCK.matcher(readme);
        assertTrue(m.find(), "a ```java block in the README");
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : m.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        assertFalse(imports.length() == 0, "the example shows its imports");
        Path source = dir.resolve("ReadmeExample.java");
        Files.writeString(source, imports + "\nclass ReadmeExample {\n    static void example() throws Exception {\n"
                + body + "    }\n}\n");

        // javac as a process: the test runs in the patched module, which does not read java.compiler
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process p = new ProcessBuilder(javac.toString(), "-d", dir.resolve("classes").toString(), "-proc:none",
                "-Xlint:all", "-Werror", "-classpath", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), source.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "javac finished");
        assertEquals(0, p.exitValue(), () -> "the README example does not compile:\n" + out + "\n" + source);
    }
}

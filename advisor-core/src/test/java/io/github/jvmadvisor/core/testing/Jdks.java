package io.github.jvmadvisor.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDKs child-JVM tests run on: the one running the tests, and JDK 25 installed beside it (in
 * the same parent directory) when present.
 */
public final class Jdks {

    /** An installed JDK. */
    public record Jdk(Path home, int feature, String version) {
        public Path java() {
            return home.resolve("bin").resolve("java");
        }

        @Override
        public String toString() {
            return "JDK " + feature;
        }
    }

    private static final List<Jdk> ALL = discover();

    private Jdks() {
    }

    /** The running JDK. */
    public static Jdk current() {
        return ALL.get(0);
    }

    /** The JDK of a feature release, if installed here. */
    public static Optional<Jdk> feature(int feature) {
        return ALL.stream().filter(j -> j.feature() == feature).findFirst();
    }

    /** The running JDK plus JDK 25 when present. */
    public static List<Jdk> underTest() {
        List<Jdk> out = new ArrayList<>();
        out.add(current());
        feature(25).filter(j -> j.feature() != current().feature()).ifPresent(out::add);
        return out;
    }

    private static List<Jdk> discover() {
        List<Jdk> out = new ArrayList<>();
        Path home = Path.of(System.getProperty("java.home"));
        out.add(new Jdk(home, Runtime.version().feature(), Runtime.version().toString()));
        Path parent = home.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.sorted(Comparator.naturalOrder()).forEach(d -> read(d).ifPresent(j -> {
                    boolean known = out.stream().anyMatch(o -> o.feature() == j.feature());
                    if (!known) {
                        out.add(j);
                    }
                }));
            } catch (IOException e) {
                // only the running JDK
            }
        }
        return out;
    }

    private static Optional<Jdk> read(Path dir) {
        Path release = dir.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(dir.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        int feature = Runtime.Version.parse(v).feature();
        try {
            return Optional.of(new Jdk(dir.toRealPath(), feature, v));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

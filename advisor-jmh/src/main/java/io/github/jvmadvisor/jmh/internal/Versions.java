package io.github.jvmadvisor.jmh.internal;

/** JDK version strings as JMH records them. Free of JMH classes: the post-processor runs without JMH. */
public final class Versions {

    private Versions() {
    }

    /** The feature release of a {@code java.version}: {@code 17.0.8} is 17, {@code 1.8.0_322} is 8; {@code null} if unknown. */
    public static Integer feature(String javaVersion) {
        if (javaVersion == null) {
            return null;
        }
        String v = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        int end = 0;
        while (end < v.length() && end < 4 && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(v.substring(0, end));
    }
}

package io.github.jvmadvisor.core.ingest.gclog.internal;

import java.nio.charset.StandardCharsets;

/**
 * A unified-logging tag set such as {@code gc,heap}, with the way the reader treats its lines.
 *
 * <p>Core tag sets carry the events; a line there that the reader does not recognise is reported as
 * unknown. Detail tag sets are read where useful and otherwise skipped. All other tag sets are skipped.
 */
final class TagSet {

    /** How lines of a tag set are handled. */
    enum Role {
        /** Lines carry events; unrecognised lines are unknown. */
        CORE,
        /** Some lines are read; the rest are skipped without complaint. */
        DETAIL,
        /** Skipped. */
        SKIP
    }

    final String name;
    final byte[] bytes;
    final Role role;
    final int hash;
    /** Whether records of this tag set run over several lines (exception messages, stack traces). */
    final boolean multiLine;

    TagSet(String name, int hash) {
        this.name = name;
        this.bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        this.hash = hash;
        this.role = roleOf(name);
        this.multiLine = name.contains("exceptions") || name.contains("stacktrace");
    }

    private static Role roleOf(String name) {
        switch (name) {
            case "gc":
            case "gc,start":
            case "gc,heap":
            case "gc,phases":
            case "gc,init":
            case "gc,cpu":
            case "gc,metaspace":
            case "safepoint":
                return Role.CORE;
            case "gc,marking":
            case "gc,ergo":
                return Role.DETAIL;
            default:
                return Role.SKIP;
        }
    }

    boolean is(String other) {
        return name.equals(other);
    }

    @Override
    public String toString() {
        return name;
    }
}

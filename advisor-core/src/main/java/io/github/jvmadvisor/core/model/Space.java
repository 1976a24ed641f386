package io.github.jvmadvisor.core.model;

/** A part of the heap that a GC log reports separately. */
public enum Space {
    /** The whole young generation (Serial DefNew, Parallel PSYoungGen, CMS ParNew). */
    YOUNG,
    EDEN,
    SURVIVOR,
    /** The old generation (Tenured, ParOldGen, CMS, G1 old regions). */
    OLD,
    /** G1 humongous regions. */
    HUMONGOUS,
    /** G1 archive regions (CDS heap objects; JDK 17). */
    ARCHIVE
}

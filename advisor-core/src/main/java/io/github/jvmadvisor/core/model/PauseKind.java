package io.github.jvmadvisor.core.model;

/**
 * What a stop-the-world pause did. The {@link #id()} is the key used in reports ({@code byKind}).
 */
public enum PauseKind {
    /** Young collection (Serial, Parallel, G1 normal, concurrent start and prepare-mixed, CMS ParNew). */
    YOUNG("young"),
    /** G1 mixed collection: young plus some old regions. */
    MIXED("mixed"),
    /** Full, compacting collection of the whole heap. */
    FULL("full"),
    /** G1 or CMS remark at the end of concurrent marking. */
    REMARK("remark"),
    /** G1 cleanup after concurrent marking. */
    CLEANUP("cleanup"),
    /** Shenandoah init mark, CMS initial mark. */
    INIT_MARK("init-mark"),
    /** Shenandoah final mark. */
    FINAL_MARK("final-mark"),
    /** Shenandoah init update references. */
    INIT_UPDATE_REFS("init-update-refs"),
    /** Shenandoah final update references. */
    FINAL_UPDATE_REFS("final-update-refs"),
    /** Shenandoah final roots (JDK 21+ when update references is skipped). */
    FINAL_ROOTS("final-roots"),
    /** Shenandoah degenerated cycle: the concurrent cycle finished stop-the-world. */
    DEGENERATED("degenerated"),
    /** ZGC pause mark start. */
    MARK_START("mark-start"),
    /** ZGC pause mark end. */
    MARK_END("mark-end"),
    /** ZGC pause relocate start. */
    RELOCATE_START("relocate-start"),
    /** A pause the reader recognised as a pause but could not classify. */
    OTHER("other");

    private final String id;

    PauseKind(String id) {
        this.id = id;
    }

    /** Stable key for reports, e.g. {@code "young"} or {@code "mark-start"}. */
    public String id() {
        return id;
    }
}

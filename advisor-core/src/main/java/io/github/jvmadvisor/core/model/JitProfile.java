package io.github.jvmadvisor.core.model;

import java.time.Instant;
import java.util.List;

/**
 * What the JIT compilers did during a JFR recording: compilations, inlining decisions per call site,
 * deoptimizations, the code cache and the compilers' own statistics.
 *
 * <p>Methods are named in the format of {@code io.github.jvmadvisor.core.ingest.jfr.MethodNames}, the
 * same as in {@link AllocationProfile} and {@link CpuProfile}. Parts whose events the recording lacks
 * are {@code null} (a single value) or empty (a list); counts of events that may simply not have
 * happened are 0. Lists are ordered by count, most first, ties by name.
 *
 * @param compilations {@code jdk.Compilation} (only compilations longer than the event's threshold:
 *     1 s in {@code default}, 100 ms in {@code profile}), or {@code null} when the recording has none
 * @param compilationFailureEvents {@code jdk.CompilationFailure} events (off in {@code default})
 * @param compilationFailures those events per failure message
 * @param inlining {@code jdk.CompilerInlining} per call site; never {@code null}
 * @param deoptimizations {@code jdk.Deoptimization}; never {@code null} ({@code count} 0 when none)
 * @param codeCache {@code jdk.CodeCacheFull}, {@code jdk.CodeCacheStatistics} and
 *     {@code jdk.CodeCacheConfiguration}; never {@code null}
 * @param statistics the last {@code jdk.CompilerStatistics}, or {@code null}
 * @param configuration the last {@code jdk.CompilerConfiguration}, or {@code null}
 * @param queues {@code jdk.CompilerQueueUtilization} per compiler (JDK 25), empty when absent
 */
public record JitProfile(Compilations compilations, long compilationFailureEvents, List<Count> compilationFailures,
        Inlining inlining, Deoptimizations deoptimizations, CodeCache codeCache, CompilerStats statistics,
        CompilerConfig configuration, List<CompileQueue> queues) {

    public JitProfile {
        compilationFailures = List.copyOf(compilationFailures);
        queues = List.copyOf(queues);
        if (inlining == null || deoptimizations == null || codeCache == null) {
            throw new IllegalArgumentException("inlining, deoptimizations and codeCache are required");
        }
    }

    /**
     * The call sites in {@code callerMethod} where inlining failed at least once, most failures first:
     * the join with allocation sites ({@link AllocationProfile#sitesIn}) and hot methods
     * ({@link CpuProfile#selfSamplesOf}, {@link CpuProfile#inclusiveSamplesOf}).
     */
    public List<CallSite> inliningFailuresIn(String callerMethod) {
        return inlining.sites().stream().filter(s -> s.failures() > 0 && s.caller().equals(callerMethod)).toList();
    }

    /** The call sites where inlining {@code calleeMethod} failed at least once, most failures first. */
    public List<CallSite> inliningFailuresOf(String calleeMethod) {
        return inlining.sites().stream().filter(s -> s.failures() > 0 && s.callee().equals(calleeMethod)).toList();
    }

    /**
     * A name and how often it occurred.
     *
     * @param name the name (a message, a reason, a blob type...)
     * @param count occurrences
     */
    public record Count(String name, long count) {
    }

    /**
     * {@code jdk.Compilation} events.
     *
     * @param count compilations recorded
     * @param succeeded of which succeeded
     * @param osr of which on-stack replacement compilations
     * @param totalNanos summed duration
     * @param maxNanos longest
     * @param largestCodeSizeBytes largest machine code produced by one compilation, or {@code null}
     * @param largestCodeSizeMethod the method it compiled, or {@code null}
     * @param totalCodeSizeBytes machine code produced
     * @param totalInlinedBytes byte code inlined
     * @param byCompiler per compiler ({@link JitCompiler} name)
     * @param byLevel per tier ({@code "1"} to {@code "4"}), ordered by tier
     * @param longest the longest compilations, at most 25
     */
    public record Compilations(long count, long succeeded, long osr, long totalNanos, long maxNanos,
            Long largestCodeSizeBytes, String largestCodeSizeMethod, long totalCodeSizeBytes, long totalInlinedBytes,
            List<Group> byCompiler, List<Group> byLevel, List<Compile> longest) {

        public Compilations {
            byCompiler = List.copyOf(byCompiler);
            byLevel = List.copyOf(byLevel);
            longest = List.copyOf(longest);
        }

        /** Compilations that failed. */
        public long failed() {
            return count - succeeded;
        }
    }

    /**
     * Compilations of one compiler or tier.
     *
     * @param name compiler or tier
     * @param count compilations
     * @param totalNanos summed duration
     * @param maxNanos longest
     */
    public record Group(String name, long count, long totalNanos, long maxNanos) {
    }

    /**
     * One compilation.
     *
     * @param compileId the JVM's compile id
     * @param method the compiled method
     * @param compiler the compiler
     * @param level the tier, or {@code null}
     * @param osr whether it was an on-stack replacement compilation
     * @param succeeded whether it succeeded
     * @param durationNanos how long it took
     * @param codeSizeBytes machine code produced, or {@code null}
     */
    public record Compile(long compileId, String method, JitCompiler compiler, Integer level, boolean osr,
            boolean succeeded, long durationNanos, Long codeSizeBytes) {
    }

    /**
     * Inlining decisions ({@code jdk.CompilerInlining}, off in both shipped settings).
     *
     * <p>Rules must tell "not recorded" from "no failures": {@code enabled} is {@code TRUE} when events
     * were seen or the reader knows the event was enabled, {@code FALSE} when the reader knows it was
     * disabled, {@code null} when nobody knows; with {@code events == 0} and {@code enabled != TRUE}
     * nothing can be said about inlining.
     *
     * @param enabled whether {@code jdk.CompilerInlining} was enabled, or {@code null} when unknown
     * @param events decisions recorded
     * @param successes of which inlined
     * @param failures of which refused
     * @param compilations distinct compile ids the decisions belong to
     * @param sites every call site (kept up to the sink's limit), most failures first, then most events,
     *     then by caller, byte-code index, callee and compiler
     * @param sitesDropped call sites seen after the limit was reached (their events are counted above)
     * @param messages events per compiler and message
     * @param byReason failures per compiler and reason class
     */
    public record Inlining(Boolean enabled, long events, long successes, long failures, long compilations,
            List<CallSite> sites, long sitesDropped, List<Message> messages, List<ReasonCount> byReason) {

        public Inlining {
            sites = List.copyOf(sites);
            messages = List.copyOf(messages);
            byReason = List.copyOf(byReason);
        }

        /** Whether the recording says anything about inlining: events were seen or the event was on. */
        public boolean recorded() {
            return events > 0 || Boolean.TRUE.equals(enabled);
        }

        /** The call sites where inlining failed at least once. */
        public List<CallSite> failingSites() {
            return sites.stream().filter(s -> s.failures() > 0).toList();
        }
    }

    /**
     * Decisions at one call site by one compiler, merged over recompilations (a method compiled again
     * repeats its decisions; they count once per compile id in {@code compilations}).
     *
     * @param compiler the compiler that decided ({@link JitCompiler#UNKNOWN} when the thread name does not
     *     say)
     * @param caller the method containing the call
     * @param bci byte-code index of the call in {@code caller}
     * @param callee the called method
     * @param events decisions recorded
     * @param successes of which inlined
     * @param failures of which refused
     * @param compilations distinct compile ids
     * @param messages events per message (failures and successes), most first
     * @param reason class of the most frequent failure message, or {@code null} when never refused
     * @param failureMessage the most frequent failure message verbatim, or {@code null}
     */
    public record CallSite(JitCompiler compiler, String caller, int bci, String callee, long events, long successes,
            long failures, long compilations, List<Count> messages, InlineReason reason, String failureMessage) {

        public CallSite {
            messages = List.copyOf(messages);
        }
    }

    /**
     * One message of one compiler.
     *
     * @param compiler the compiler
     * @param message the message verbatim
     * @param succeeded whether it accompanied an inlining
     * @param reason its class for a failure, {@code null} for a success
     * @param events occurrences
     * @param sites distinct call sites it occurred at
     */
    public record Message(JitCompiler compiler, String message, boolean succeeded, InlineReason reason, long events,
            long sites) {
    }

    /**
     * Failures of one compiler in one reason class.
     *
     * @param compiler the compiler
     * @param reason the class
     * @param events failure events
     * @param sites distinct call sites with at least one such failure
     */
    public record ReasonCount(JitCompiler compiler, InlineReason reason, long events, long sites) {
    }

    /**
     * {@code jdk.Deoptimization} events (on in both shipped settings; stack traces only in
     * {@code profile}).
     *
     * @param count deoptimizations
     * @param firstAt time of the earliest, or {@code null}
     * @param lastAt time of the latest, or {@code null}
     * @param byReason per reason ({@code class_check}, {@code unstable_if}...)
     * @param byAction per action ({@code reinterpret}, {@code make_not_entrant}...)
     * @param sites per method and byte-code index, most first, at most 1000
     */
    public record Deoptimizations(long count, Instant firstAt, Instant lastAt, List<Count> byReason,
            List<Count> byAction, List<DeoptSite> sites) {

        public Deoptimizations {
            byReason = List.copyOf(byReason);
            byAction = List.copyOf(byAction);
            sites = List.copyOf(sites);
        }
    }

    /**
     * Deoptimizations at one place.
     *
     * @param method the method deoptimized
     * @param bci byte-code index, or {@code null}
     * @param line source line, or {@code null}
     * @param instruction the byte-code instruction, or {@code null}
     * @param count deoptimizations
     * @param reasons per reason
     * @param actions per action
     */
    public record DeoptSite(String method, Integer bci, Integer line, String instruction, long count,
            List<Count> reasons, List<Count> actions) {

        public DeoptSite {
            reasons = List.copyOf(reasons);
            actions = List.copyOf(actions);
        }
    }

    /**
     * The code cache.
     *
     * @param fullEvents {@code jdk.CodeCacheFull} events (a full code cache stops compilation)
     * @param fullByBlobType those events per code heap
     * @param heaps the last {@code jdk.CodeCacheStatistics} per code heap, by name
     * @param configuration the last {@code jdk.CodeCacheConfiguration}, or {@code null}
     */
    public record CodeCache(long fullEvents, List<Count> fullByBlobType, List<CodeHeap> heaps,
            CodeCacheConfig configuration) {

        public CodeCache {
            fullByBlobType = List.copyOf(fullByBlobType);
            heaps = List.copyOf(heaps);
        }
    }

    /**
     * One code heap ({@code CodeHeap 'non-profiled nmethods'} and so on) at its last statistics event.
     *
     * @param blobType the heap's name
     * @param reservedBytes its reserved size ({@code reservedTopAddress - startAddress}), or {@code null}
     * @param unallocatedBytes space not yet allocated, or {@code null}
     * @param occupancy {@code 1 - unallocated / reserved}, or {@code null}
     * @param peakOccupancy the largest occupancy over all its statistics events, or {@code null}
     * @param entries code blobs, or {@code null}
     * @param methods nmethods, or {@code null}
     * @param adaptors adapters, or {@code null}
     * @param fullCount times this heap was full, or {@code null}
     * @param samples statistics events read for it
     */
    public record CodeHeap(String blobType, Long reservedBytes, Long unallocatedBytes, Double occupancy,
            Double peakOccupancy, Integer entries, Integer methods, Integer adaptors, Integer fullCount,
            long samples) {
    }

    /**
     * Code cache sizes as configured; each {@code null} when the event lacks it.
     *
     * @param initialSizeBytes initial size
     * @param reservedSizeBytes reserved size ({@code ReservedCodeCacheSize})
     * @param nonNMethodSizeBytes non-method heap
     * @param profiledSizeBytes profiled-methods heap
     * @param nonProfiledSizeBytes non-profiled-methods heap
     * @param expansionSizeBytes expansion step
     */
    public record CodeCacheConfig(Long initialSizeBytes, Long reservedSizeBytes, Long nonNMethodSizeBytes,
            Long profiledSizeBytes, Long nonProfiledSizeBytes, Long expansionSizeBytes) {
    }

    /**
     * The compilers' cumulative statistics since JVM start, at the last event; each {@code null} when
     * the event lacks it.
     *
     * @param compileCount compilations
     * @param bailoutCount compilations given up
     * @param invalidatedCount compiled methods invalidated
     * @param osrCompileCount on-stack replacement compilations
     * @param standardCompileCount standard compilations
     * @param osrBytesCompiled byte code compiled for OSR
     * @param standardBytesCompiled byte code compiled in standard compilations
     * @param nmethodsSizeBytes size of all nmethods
     * @param nmethodCodeSizeBytes size of their machine code
     * @param peakTimeNanos longest compilation
     * @param totalTimeNanos time spent compiling
     */
    public record CompilerStats(Integer compileCount, Integer bailoutCount, Integer invalidatedCount,
            Integer osrCompileCount, Integer standardCompileCount, Long osrBytesCompiled, Long standardBytesCompiled,
            Long nmethodsSizeBytes, Long nmethodCodeSizeBytes, Long peakTimeNanos, Long totalTimeNanos) {
    }

    /**
     * The compilers' configuration; each {@code null} when the event lacks it.
     *
     * @param threadCount compiler threads
     * @param tieredCompilation whether tiered compilation is on
     * @param dynamicCompilerThreadCount whether the compiler thread count varies (JDK 25 field)
     */
    public record CompilerConfig(Integer threadCount, Boolean tieredCompilation, Boolean dynamicCompilerThreadCount) {
    }

    /**
     * One compiler's queue ({@code jdk.CompilerQueueUtilization}, JDK 25, every 5 s in {@code profile}).
     *
     * @param compiler the compiler as the event names it
     * @param samples events read
     * @param lastQueueSize queue length at the last event
     * @param maxQueueSize largest queue length at any event
     * @param peakQueueSize largest {@code peakQueueSize} reported
     * @param meanAddedPerSec mean rate of tasks added
     * @param meanRemovedPerSec mean rate of tasks removed
     * @param totalAdded tasks added since start, at the last event, or {@code null}
     * @param totalRemoved tasks removed since start, at the last event, or {@code null}
     * @param compilerThreads compiler threads at the last event, or {@code null}
     * @param windows the queue over time, oldest first: one window per event until there are
     *     {@value #MAX_WINDOWS}, then adjacent windows merge pairwise (so a long recording keeps at most
     *     that many windows, each covering several events)
     */
    public record CompileQueue(String compiler, long samples, long lastQueueSize, long maxQueueSize,
            long peakQueueSize, double meanAddedPerSec, double meanRemovedPerSec, Long totalAdded, Long totalRemoved,
            Integer compilerThreads, List<QueueWindow> windows) {

        /** The most windows a queue keeps. */
        public static final int MAX_WINDOWS = 256;

        public CompileQueue {
            windows = windows == null ? List.of() : List.copyOf(windows);
        }

        /** A queue without its time series. */
        public CompileQueue(String compiler, long samples, long lastQueueSize, long maxQueueSize, long peakQueueSize,
                double meanAddedPerSec, double meanRemovedPerSec, Long totalAdded, Long totalRemoved,
                Integer compilerThreads) {
            this(compiler, samples, lastQueueSize, maxQueueSize, peakQueueSize, meanAddedPerSec, meanRemovedPerSec,
                    totalAdded, totalRemoved, compilerThreads, List.of());
        }
    }

    /**
     * A stretch of one compiler's queue: the events from {@code startSeconds} to {@code endSeconds}.
     *
     * @param startSeconds time of the first event, seconds after the compiler's first queue event
     * @param endSeconds time of the last event, on the same axis
     * @param samples events in the window
     * @param lastQueueSize queue length at the window's last event
     * @param maxQueueSize largest queue length in the window
     * @param addedPerSec mean rate of tasks added ({@code addedRate}) over the window's events
     * @param removedPerSec mean rate of tasks removed ({@code removedRate}) over the window's events
     */
    public record QueueWindow(double startSeconds, double endSeconds, long samples, long lastQueueSize,
            long maxQueueSize, double addedPerSec, double removedPerSec) {

        /** The two windows as one ({@code this} first). */
        public QueueWindow merge(QueueWindow next) {
            long n = samples + next.samples;
            return new QueueWindow(startSeconds, next.endSeconds, n, next.lastQueueSize,
                    Math.max(maxQueueSize, next.maxQueueSize),
                    (addedPerSec * samples + next.addedPerSec * next.samples) / n,
                    (removedPerSec * samples + next.removedPerSec * next.samples) / n);
        }
    }
}

package io.github.jvmadvisor.core.flags;

import io.github.jvmadvisor.core.model.Collector;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one JDK knows about one {@code -XX} flag: type, kind, default, per-collector defaults, range,
 * and whether it is still accepted. Immutable.
 *
 * <p>A catalogue also holds flags the JDK no longer has ({@link Availability#OBSOLETE} or
 * {@link Availability#REMOVED}); for those {@code type}, {@code kind} and the defaults are {@code null}
 * unless another release told us.
 *
 * @param name the flag name without {@code -XX:}, e.g. {@code "MaxGCPauseMillis"}
 * @param type the value type, or {@code null} when unknown
 * @param kind the kind (product, experimental, ...), or {@code null} when unknown
 * @param kindText the kind as HotSpot prints it with qualifiers, e.g. {@code "C2 pd product"}, or {@code null}
 * @param availability whether the JDK accepts the flag
 * @param since the release where the current availability began, e.g. {@code "10.0"} for a flag deprecated in
 *     JDK 10 or {@code "24.0"} for one obsolete since 24; {@code null} when unknown or {@link Availability#AVAILABLE}
 * @param jvmMessage what the JVM prints when the flag is given (its deprecation warning, its "Ignoring option"
 *     warning, its "Unrecognized VM option" error), or {@code null} when it prints nothing
 * @param advice what to use instead, or {@code null}
 * @param defaultValue the value the JVM ends with when the flag is not given, as HotSpot prints it, on the
 *     machine the catalogue was made on with the JDK's ergonomic collector; {@code null} when unknown or when it
 *     changes from run to run
 * @param ergonomicDefault whether the default is chosen by ergonomics (depends on the machine)
 * @param perCollectorDefaults the default under a collector where it differs from {@code defaultValue}, keyed
 *     by GC mode ({@code "Serial"}, {@code "Parallel"}, {@code "G1"}, {@code "ZGC"}, {@code "Shenandoah"},
 *     {@code "Epsilon"}, {@code "Shenandoah-generational"}, {@code "ZGC-generational"}); sorted
 * @param collectors the collectors the flag has an effect with; empty when it is not collector-specific
 * @param range the allowed range, or {@code null} when none is known
 * @param acceptedValues for a flag that takes one of a few words ({@code ShenandoahGCMode}), each accepted
 *     word with the kind of unlock it needs; {@code null} when the values were not probed
 * @param certain {@code false} when this entry is a guess (a catalogue derived from other releases)
 * @param note why this entry is what it is, when that is not obvious (derived catalogues), or {@code null}
 */
public record FlagInfo(String name, FlagType type, FlagKind kind, String kindText, Availability availability,
        String since, String jvmMessage, String advice, String defaultValue, boolean ergonomicDefault,
        Map<String, String> perCollectorDefaults, Set<Collector> collectors, FlagRange range,
        Map<String, FlagKind> acceptedValues, boolean certain, String note) {

    public FlagInfo {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a flag needs a name");
        }
        if (availability == null) {
            throw new IllegalArgumentException("flag " + name + " needs an availability");
        }
        perCollectorDefaults = perCollectorDefaults == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(perCollectorDefaults));
        collectors = collectors == null || collectors.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(collectors));
        acceptedValues = acceptedValues == null ? null : Collections.unmodifiableMap(new TreeMap<>(acceptedValues));
    }

    /** Whether the JDK has the flag ({@link Availability#AVAILABLE} or {@link Availability#DEPRECATED}). */
    public boolean exists() {
        return availability == Availability.AVAILABLE || availability == Availability.DEPRECATED;
    }

    /** Whether the flag may be changed while the JVM runs. */
    public boolean manageable() {
        return kind == FlagKind.MANAGEABLE;
    }

    /** The unlock flag that must precede this one, e.g. {@code "UnlockDiagnosticVMOptions"}, or {@code null}. */
    public String unlockFlag() {
        return kind == null ? null : kind.unlockFlag();
    }

    /** Whether the flag has an effect with {@code collector} (true when it is not collector-specific). */
    public boolean appliesTo(Collector collector) {
        return collectors.isEmpty() || collectors.contains(collector);
    }

    /**
     * The default under a GC mode ({@code "G1"}, {@code "Shenandoah-generational"}, ...): the per-collector
     * value where one was seen, else {@link #defaultValue()}.
     */
    public String defaultFor(String gcMode) {
        String v = perCollectorDefaults.get(gcMode);
        return v != null ? v : defaultValue;
    }
}

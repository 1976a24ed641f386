package io.github.jvmadvisor.core.flags;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.JvmFlag;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every flag of the running JVM with its value and origin.
 *
 * <p>Asks the DiagnosticCommand MBean ({@code com.sun.management:type=DiagnosticCommand}, the engine behind
 * {@code jcmd <pid> VM.flags -all}) and reads its table with {@link PrintFlagsFinal}. Where that MBean is missing
 * or refuses, falls back to {@code HotSpotDiagnosticMXBean.getVMOption} for each flag the running release's
 * {@link FlagCatalogue} names. Never throws: on failure it returns what it has (possibly nothing) and logs once.
 * Thread-safe.
 */
public final class LiveFlags {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFlags.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private LiveFlags() {
    }

    /**
     * The running JVM's flags, sorted by name; empty when neither source answered. Experimental and diagnostic
     * flags appear only when the JVM was started with their unlock flag: neither source shows locked flags.
     */
    public static List<JvmFlag> read() {
        try {
            List<JvmFlag> flags = fromDiagnosticCommand();
            if (!flags.isEmpty()) {
                return flags;
            }
        } catch (Exception | LinkageError e) {
            warnOnce("the DiagnosticCommand MBean did not list the flags; asking HotSpotDiagnosticMXBean per flag", e);
        }
        try {
            return fromVmOptions();
        } catch (Exception | LinkageError e) {
            warnOnce("the running JVM's flags could not be read", e);
            return List.of();
        }
    }

    /** The flags from {@code vmFlags -all}; empty when the MBean answered with nothing readable. */
    static List<JvmFlag> fromDiagnosticCommand() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Object out = server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), "vmFlags",
                new Object[] {new String[] {"-all"}}, new String[] {String[].class.getName()});
        PrintFlagsFinal.Result r = PrintFlagsFinal.parse(out instanceof String s ? s : null, "vmFlags -all");
        if (r.badLines() > 0) {
            warnOnce("vmFlags -all printed " + r.badLines() + " unreadable lines, e.g. " + r.issues().get(0).message(),
                    null);
        }
        List<JvmFlag> flags = new ArrayList<>(PrintFlagsFinal.toJvmFlags(r));
        flags.sort((a, b) -> a.name().compareTo(b.name()));
        return flags;
    }

    /** The flags the running release's catalogue names, one {@code getVMOption} call each. */
    static List<JvmFlag> fromVmOptions() {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        int feature = Runtime.version().feature();
        FlagCatalogue catalogue = FlagCatalogue.forJdk(Math.max(feature, FlagCatalogue.OLDEST));
        List<JvmFlag> flags = new ArrayList<>();
        for (FlagInfo f : catalogue.flags()) {
            if (!f.exists()) {
                continue;
            }
            try {
                VMOption o = bean.getVMOption(f.name());
                flags.add(new JvmFlag(o.getName(), unsigned(o.getValue(), f.type()),
                        FlagOrigin.parse(o.getOrigin().name())));
            } catch (IllegalArgumentException e) {
                // a locked flag, or one this build does not have (another platform or update release)
            }
        }
        return flags;
    }

    /** The management API prints 64-bit unsigned values as signed ({@code -2} for 2^64 - 2); HotSpot's tables do not. */
    private static String unsigned(String value, FlagType type) {
        if (value != null && value.startsWith("-")
                && (type == FlagType.UINTX || type == FlagType.UINT64_T || type == FlagType.SIZE_T)) {
            try {
                return Long.toUnsignedString(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static void warnOnce(String message, Throwable e) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("{}: {}", message, e == null ? "" : e.toString());
        } else {
            LOG.debug(message, e);
        }
    }
}

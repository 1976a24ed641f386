package io.github.jvmadvisor.core.model;

import java.util.Locale;

/**
 * Where a flag's value came from, as HotSpot records it.
 *
 * <p>JFR flag events and {@code HotSpotDiagnosticMXBean} name the same origins differently; {@link
 * #parse(String)} accepts both spellings.
 */
public enum FlagOrigin {
    /** The built-in default. */
    DEFAULT("default"),
    /** Given on the command line ({@code VM_CREATION} in the management API). */
    COMMAND_LINE("command-line"),
    /** Given in {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}. */
    ENVIRONMENT("environment"),
    /** Given in a flags file ({@code -XX:Flags=}, {@code .hotspotrc}). */
    CONFIG_FILE("config-file"),
    /** Chosen by the JVM from the machine and the other flags. */
    ERGONOMIC("ergonomic"),
    /** Set while running, through the management API or {@code jcmd VM.set_flag}. */
    MANAGEMENT("management"),
    /** Set by a tool that attached to the running JVM. */
    ATTACH_ON_DEMAND("attach-on-demand"),
    /** Set by the JVM itself for another reason ({@code Internal}, {@code Jimage}, other). */
    OTHER("other"),
    /** The source did not say. */
    UNKNOWN("unknown");

    private final String id;

    FlagOrigin(String id) {
        this.id = id;
    }

    /** Stable name for reports, e.g. {@code "command-line"}. */
    public String id() {
        return id;
    }

    /** Whether a person asked for this value (command line, environment or flags file). */
    public boolean isAsked() {
        return this == COMMAND_LINE || this == ENVIRONMENT || this == CONFIG_FILE;
    }

    /**
     * The origin named by {@code text}: a JFR origin ({@code "Command line"}, {@code "Ergonomic"}),
     * a management-API origin ({@code "VM_CREATION"}, {@code "MGMT_SET"}) or an {@link #id()};
     * {@link #UNKNOWN} for {@code null} or anything else.
     */
    public static FlagOrigin parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        switch (t) {
            case "default":
                return DEFAULT;
            case "command line":
            case "vm creation":
                return COMMAND_LINE;
            case "environment":
            case "environment variable":
            case "environ var":
                return ENVIRONMENT;
            case "config file":
                return CONFIG_FILE;
            case "ergonomic":
                return ERGONOMIC;
            case "management":
            case "mgmt set":
                return MANAGEMENT;
            case "attach on demand":
                return ATTACH_ON_DEMAND;
            case "other":
            case "internal":
            case "jimage":
                return OTHER;
            default:
                return UNKNOWN;
        }
    }
}

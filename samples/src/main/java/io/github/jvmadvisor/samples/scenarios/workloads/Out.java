package io.github.jvmadvisor.samples.scenarios.workloads;

import java.util.Locale;

/** How a scenario workload reports what it measured: one {@code RESULT <name> <value>} line per figure. */
public final class Out {

    /** The prefix the harness looks for. */
    public static final String PREFIX = "RESULT ";

    private Out() {
    }

    /** Prints one figure. */
    public static void result(String name, double value) {
        System.out.println(PREFIX + name + " " + String.format(Locale.ROOT, "%.6g", value));
    }

    /** Reads a double argument, or the default when absent. */
    static double arg(String[] args, int i, double dflt) {
        return args.length > i ? Double.parseDouble(args[i]) : dflt;
    }

    /** Reads an int argument, or the default when absent. */
    static int intArg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}

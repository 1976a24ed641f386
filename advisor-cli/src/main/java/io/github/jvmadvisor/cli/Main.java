package io.github.jvmadvisor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jvm-advisor} command.
 *
 * <p>Exit codes: 0 success, 1 nothing could be read (or a check failed), 2 usage error.
 */
@Command(name = "jvm-advisor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads what a JVM leaves behind (GC logs, JFR recordings, latency logs, JMH results) and says which flags to change.",
        subcommands = {AdviseCommand.class, AnalyzeCommand.class, CompareCommand.class, RulesCommand.class, FlagsCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command without exiting; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest, or the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jvm-advisor " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "running on Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}

package io.github.jvmadvisor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jvm-advisor} command.
 *
 * <p>Exit codes: 0 success; 1 an input is missing, nothing could be read, the output cannot be written, or a check
 * failed; 2 usage error (also: no command). Errors the user can act on are one line on standard error.
 */
@Command(name = "jvm-advisor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads what a JVM leaves behind (GC logs, JFR recordings, latency logs, JMH results) and says which flags to change.",
        subcommands = {AdviseCommand.class, AnalyzeCommand.class, CompareCommand.class, RulesCommand.class, FlagsCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

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
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof CliError e) {
                c.getErr().println("jvm-advisor: " + e.getMessage());
                return e.exitCode();
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a command: the synopsis and the commands on standard error, and a usage error. */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        err.println("Usage: jvm-advisor COMMAND [OPTION...] [FILE...]");
        err.print(cl.getHelp().commandList());
        err.println("Try 'jvm-advisor --help' or 'jvm-advisor COMMAND --help' for more information.");
        return 2;
    }

    /**
     * A usage error: the one line that says what is wrong (with picocli's suggestions for a misspelt option or
     * command) and where help is, not the whole help, which would bury that line; exit 2.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        PrintWriter err = c.getErr();
        err.println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
        return c.getCommandSpec().exitCodeOnInvalidInput();
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

/** The {@code jvm-advisor} command. */
module io.github.jvmadvisor.cli {
    requires io.github.jvmadvisor.core;
    requires info.picocli;

    opens io.github.jvmadvisor.cli to info.picocli;
}

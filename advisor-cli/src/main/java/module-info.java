/** The {@code jvm-advisor} command. */
module io.github.jvmadvisor.cli {
    requires io.github.jvmadvisor.core;
    // the rules are services; requiring the module puts them in the layer
    requires io.github.jvmadvisor.rules;
    requires io.github.jvmadvisor.jmh;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;

    opens io.github.jvmadvisor.cli to info.picocli;
}

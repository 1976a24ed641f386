/**
 * The rule SPI: what a rule is ({@link io.github.jvmadvisor.core.rule.Rule}), what it reads
 * ({@link io.github.jvmadvisor.core.rule.RuleContext}) and what it gives back
 * ({@link io.github.jvmadvisor.core.rule.Finding}, {@link io.github.jvmadvisor.core.rule.Recommendation}).
 * Rules are found with {@link java.util.ServiceLoader} or registered in code; the engine that runs
 * them is in {@code io.github.jvmadvisor.core.engine}.
 */
package io.github.jvmadvisor.core.rule;

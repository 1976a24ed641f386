/**
 * The engine: runs rules over evidence and makes the report. {@link io.github.jvmadvisor.core.engine.Advisor}
 * is the entry point; {@link io.github.jvmadvisor.core.engine.RuleSet} finds the rules;
 * {@link io.github.jvmadvisor.core.engine.Report} is what comes back.
 */
package io.github.jvmadvisor.core.engine;

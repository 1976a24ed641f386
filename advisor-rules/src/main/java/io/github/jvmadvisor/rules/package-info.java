/**
 * The rule packs of rules.md, one package per pack, one class per rule. Every rule is listed in
 * {@code META-INF/services/io.github.jvmadvisor.core.rule.Rule} and in {@code module-info.java}.
 * {@link io.github.jvmadvisor.rules.RuleSupport} holds what several packs share.
 */
package io.github.jvmadvisor.rules;

/**
 * The rule packs (heap, collector choice, per-collector tuning, JIT, inlining, allocation, startup,
 * observability, lint). Placeholder: the rules arrive with the advisor issue.
 */
package io.github.jvmadvisor.rules;

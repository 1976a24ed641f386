/** Reports: the analyze JSON contract and the terminal text. */
package io.github.jvmadvisor.core.report;

/**
 * HTML reports: one self-contained page ({@link dev.descent.cli.report.Page}: inline stylesheet,
 * plots embedded as data URIs, no script, no network) made of {@link dev.descent.cli.report.Section}s
 * of {@link dev.descent.cli.report.Block}s, every text escaped. {@link dev.descent.cli.report.ExperimentSuite}
 * is {@code descent experiment all}; {@link dev.descent.cli.report.TrainReport} is the page of
 * {@code descent train --report}.
 */
package dev.descent.cli.report;

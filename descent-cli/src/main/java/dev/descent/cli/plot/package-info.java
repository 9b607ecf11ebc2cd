/**
 * Figures for reports, drawn headless to PNG with XChart (and Java2D where XChart cannot fill
 * regions): {@link dev.descent.cli.plot.Figures} is the entry point, the inputs are validated
 * records ({@link dev.descent.cli.plot.Series}, {@link dev.descent.cli.plot.XyPlot}, {@link
 * dev.descent.cli.plot.DecisionPlot}, {@link dev.descent.cli.plot.ConfusionPlot}, {@link
 * dev.descent.cli.plot.SurfacePlot}), and a drawn {@link dev.descent.cli.plot.Figure} is written
 * atomically or returned as PNG bytes. Nothing here knows picocli or the training code.
 */
package dev.descent.cli.plot;

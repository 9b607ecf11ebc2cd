/**
 * {@code descent dashboard}: a read-only web page over the runs under some directories, on the
 * JDK's HTTP server. {@link dev.descent.cli.dashboard.Dashboard} routes; RunScan finds the runs;
 * SeriesSummary and SeriesCache keep each run's history small (extremes per bucket of epochs,
 * a bounded cache); HistoryTail streams new rows as server-sent events; Api and SearchCache answer
 * a search's trials, with Importance (fANOVA main effects of a random forest). The page is
 * dashboard.html, dashboard.js (runs) and search.js (a search), drawn with uPlot from its WebJar.
 */
package dev.descent.cli.dashboard;

/**
 * The capacity report of a run: {@link ReportInputs} gathers what it is computed from (the merged
 * results, the runners' outcomes, the platform series, the history and the settings),
 * {@link ReportBuilder} computes it once, and {@link ReportService} writes and announces it for every
 * way in. What judges is in {@code report.judge}, the report as data in {@code report.model}, its
 * renderings in {@code report.render} and its settings in {@code report.settings}. May import those,
 * {@code results}, {@code platform}, {@code runner} (the run folder's names) and {@code config}.
 */
package store.traffictacos.capacity.report;

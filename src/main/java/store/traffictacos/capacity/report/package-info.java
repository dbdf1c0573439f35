/**
 * The capacity report of a run: {@link ReportBuilder} computes it from the merged results, the
 * runners' outcomes, the platform series, the history ({@link History}) and the settings, and
 * {@link RunReports} writes it for a run folder. What judges is in {@code report.judge}, the report as
 * data in {@code report.model}, its renderings in {@code report.render} and its settings in
 * {@code report.settings}. May import those, {@code results}, {@code platform} and {@code config}.
 */
package store.traffictacos.capacity.report;

/**
 * The report as data: a {@link CapacityReport} and its parts, which the renderings only read, and
 * {@code report.json} ({@link ReportJson}), read back for baselines and the history. Nothing here
 * judges or renders. May import {@code report.settings}.
 */
@NullMarked
package store.traffictacos.capacity.report.model;

import org.jspecify.annotations.NullMarked;

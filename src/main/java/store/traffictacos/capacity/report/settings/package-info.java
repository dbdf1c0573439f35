/**
 * What a report is judged with ({@link ReportSettings}): the SLOs, the regression rules against a
 * baseline, the prices and the platform resource thresholds, read from the user's SLO file
 * ({@link SloFile}). May import {@code yaml} and {@code config}.
 */
@NullMarked
package store.traffictacos.capacity.report.settings;

import org.jspecify.annotations.NullMarked;

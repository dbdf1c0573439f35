/**
 * What a report concludes, computed from the merged results and the settings: per-second folding
 * ({@link RunSeconds}), SLO verdicts, the capacity knee, resource warnings, generator warnings, the
 * comparison with a baseline and the cost. May import {@code report.model}, {@code report.settings} and
 * {@code results}.
 */
package store.traffictacos.capacity.report.judge;

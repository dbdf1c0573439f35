/**
 * The report's renderings, which compute no figure: {@code report.html} with its charts as PNG bytes,
 * {@code summary.md}, {@code junit.xml} and {@code report.json}, written together by
 * {@link ReportFiles}. May import {@code report.model} and {@code report.settings}.
 */
package store.traffictacos.capacity.report.render;

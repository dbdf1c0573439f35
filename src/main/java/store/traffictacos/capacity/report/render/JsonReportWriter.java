package store.traffictacos.capacity.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.ReportJson;

/** Renders {@code report.json} in the format {@link ReportJson} documents and reads. */
public final class JsonReportWriter {
    private JsonReportWriter() {}

    public static String render(CapacityReport report) {
        try {
            return ReportJson.MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            // A record of strings, numbers, lists and maps always serializes; this is a bug.
            throw new UncheckedIOException(e);
        }
    }
}

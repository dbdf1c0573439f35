package store.traffictacos.capacity.report.judge;

import java.util.List;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.settings.SloSet;

/** Judges every SLO of a set against one measurement, in the set's order. */
public final class SloJudge {
    private SloJudge() {}

    public static List<SloResult> judge(SloSet slos, Measurement measurement) {
        return slos.slos().stream()
                .map(slo -> {
                    double value = measurement.value(slo.metric());
                    return new SloResult(
                            slo.name(), slo.metric().key(), slo.threshold(), value, value < slo.threshold());
                })
                .toList();
    }

    public static boolean allPass(List<SloResult> results) {
        return results.stream().allMatch(SloResult::pass);
    }
}

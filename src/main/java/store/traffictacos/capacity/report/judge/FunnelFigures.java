package store.traffictacos.capacity.report.judge;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.results.funnel.Funnel;
import store.traffictacos.capacity.results.funnel.PhaseFunnel;

/** The run's purchase funnel from every runner's: counts added, shares of the journeys that set out to purchase. */
public final class FunnelFigures {
    private FunnelFigures() {}

    /** The merged funnel of the runners that kept one; null when none did (runs recorded before it). */
    public static @Nullable FunnelReport of(List<Funnel> funnels) {
        if (funnels.isEmpty()) {
            return null;
        }
        Funnel merged = Funnel.merge(funnels);
        return new FunnelReport(
                merged.purchaseShare(),
                merged.phases().stream().map(FunnelFigures::phase).toList());
    }

    private static FunnelReport.Phase phase(PhaseFunnel funnel) {
        Histogram admission = funnel.admissionMs();
        long admissions = admission.getTotalCount();
        return new FunnelReport.Phase(
                funnel.phase(),
                funnel.journeys(),
                funnel.joined(),
                funnel.admitted(),
                funnel.held(),
                funnel.paid(),
                funnel.confirmed(),
                funnel.dropped(),
                funnel.unfinished(),
                share(funnel.admitted(), funnel.joined()),
                share(funnel.held(), funnel.joined()),
                share(funnel.paid(), funnel.joined()),
                share(funnel.confirmed(), funnel.joined()),
                admissions,
                seconds(admission, 50),
                seconds(admission, 95),
                seconds(admission, 99));
    }

    private static double share(long count, long of) {
        return of == 0 ? 0 : (double) count / of;
    }

    private static @Nullable Double seconds(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? null : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}

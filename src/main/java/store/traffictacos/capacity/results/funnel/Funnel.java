package store.traffictacos.capacity.results.funnel;

import java.util.ArrayList;
import java.util.List;

/**
 * One runner's purchase funnel, or the run's once merged.
 *
 * @param purchaseShare the plan's share of journeys that set out to purchase (the rest stop after enter)
 * @param phases per phase of the profile, in order
 */
public record Funnel(double purchaseShare, List<PhaseFunnel> phases) {
    public Funnel {
        phases = List.copyOf(phases);
    }

    /**
     * Every runner's funnel added phase by phase: counts summed, histograms added (exact at equal precision).
     *
     * @throws IllegalArgumentException when the runners' phases differ, or there is no funnel
     */
    public static Funnel merge(List<Funnel> funnels) {
        if (funnels.isEmpty()) {
            throw new IllegalArgumentException("no funnel to merge");
        }
        Funnel first = funnels.get(0);
        List<PhaseFunnel> merged = new ArrayList<>(first.phases);
        for (Funnel funnel : funnels.subList(1, funnels.size())) {
            List<String> names = funnel.phases.stream().map(PhaseFunnel::phase).toList();
            if (!names.equals(first.phases.stream().map(PhaseFunnel::phase).toList())) {
                throw new IllegalArgumentException("the runners' funnels have different phases: "
                        + first.phases.stream().map(PhaseFunnel::phase).toList() + " and " + names);
            }
            for (int i = 0; i < merged.size(); i++) {
                merged.set(i, merged.get(i).plus(funnel.phases.get(i)));
            }
        }
        // runners share one plan; the first's share stands for all
        return new Funnel(first.purchaseShare, merged);
    }
}

package store.traffictacos.capacity.controller.spec;

import store.traffictacos.capacity.controller.RunSpec.AbortRules;

/** The run spec's {@code abort:} section: when the merged error rate or p99 stops the run. */
public final class AbortFields {
    private double errorRateAbove = 0.5;
    private double p99AboveMs = 1_000;
    private int forSeconds = 30;

    public void setErrorRateAbove(double errorRateAbove) {
        if (!(errorRateAbove > 0 && errorRateAbove <= 1)) {
            throw new IllegalArgumentException("must be in (0, 1], got " + errorRateAbove);
        }
        this.errorRateAbove = errorRateAbove;
    }

    public void setP99AboveMs(double p99AboveMs) {
        if (!(p99AboveMs > 0)) {
            throw new IllegalArgumentException("must be > 0, got " + p99AboveMs);
        }
        this.p99AboveMs = p99AboveMs;
    }

    public void setForSeconds(int forSeconds) {
        if (forSeconds < 1) {
            throw new IllegalArgumentException("must be at least 1, got " + forSeconds);
        }
        this.forSeconds = forSeconds;
    }

    AbortRules toSpec() {
        return new AbortRules(errorRateAbove, p99AboveMs, forSeconds);
    }
}

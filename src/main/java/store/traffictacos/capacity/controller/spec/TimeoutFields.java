package store.traffictacos.capacity.controller.spec;

import java.time.Duration;
import store.traffictacos.capacity.config.Durations;
import store.traffictacos.capacity.controller.RunSpec.Timeouts;

/** The run spec's {@code timeouts:} section; {@code --barrier-timeout} and {@code --start-lead} set two of them. */
public final class TimeoutFields {
    private Duration scale = Duration.ofMinutes(5);
    private Duration barrier = Duration.ofMinutes(10);
    private Duration startLead = Duration.ofSeconds(20);
    private Duration drain = Duration.ofMinutes(2);

    public void setScale(String scale) {
        this.scale = Durations.positive(scale);
    }

    public void setBarrier(String barrier) {
        this.barrier = Durations.positive(barrier);
    }

    public void setStartLead(String startLead) {
        this.startLead = Durations.positive(startLead);
    }

    public void setDrain(String drain) {
        this.drain = Durations.positive(drain);
    }

    Timeouts toSpec() {
        return new Timeouts(scale, barrier, startLead, drain);
    }
}

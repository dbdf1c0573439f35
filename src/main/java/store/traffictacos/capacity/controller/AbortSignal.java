package store.traffictacos.capacity.controller;

import java.util.concurrent.atomic.AtomicReference;

/** Asks a run to stop early (Ctrl-C, SIGTERM, an abort rule): the first reason given wins. */
public final class AbortSignal {
    private final AtomicReference<String> reason = new AtomicReference<>();

    public void abort(String why) {
        reason.compareAndSet(null, why);
    }

    /** The reason, or null while the run may go on. */
    public String reason() {
        return reason.get();
    }
}

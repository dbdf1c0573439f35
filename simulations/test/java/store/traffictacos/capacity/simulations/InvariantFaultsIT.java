package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.Fault;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.InvariantReport;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.results.invariants.Invariant;

/**
 * Short loads (5 s, every journey buying and probing in one event, so that seats meet) against the reference
 * target, clean and with each fault: the clean run holds every invariant, each fault breaks exactly its own.
 * About 45 s on 2 cores.
 */
@DisplayName("Invariant checks against the faulty reference target")
class InvariantFaultsIT {
    private static final Path PROFILE =
            Path.of("src/test/resources/profiles/invariants.yaml").toAbsolutePath();

    @TempDir
    Path reports;

    /** Runs the simulation against {@code target} (null: the embedded one, with {@code -Dtarget.fault}). */
    private CapacityReport run(String runId, ReferenceTarget target, String embeddedFault) throws IOException {
        Map<String, String> properties = new HashMap<>(Map.of(
                "profile.file",
                PROFILE.toString(),
                "run.id",
                runId,
                "reports.dir",
                reports.resolve(runId).toString(),
                "warmup.seconds",
                "0",
                "journey.purchase.share",
                "1",
                "journey.probe.share",
                "1",
                "journey.events",
                "1"));
        if (target != null) {
            properties.put("target.url", target.baseUrl().toString());
        } else {
            properties.put("target.fault", embeddedFault);
        }
        GatlingLauncher.run(properties, reports.resolve("gatling"), false);
        return ReportJson.read(reports.resolve(runId).resolve("report.json"));
    }

    private CapacityReport runWith(Set<Fault> faults, String runId) throws IOException {
        try (ReferenceTarget target =
                ReferenceTarget.start(TargetConfig.defaults().withPort(0).withFaults(faults))) {
            return run(runId, target, null);
        }
    }

    private static Map<String, InvariantReport> byName(CapacityReport report) {
        return report.invariants().stream().collect(Collectors.toMap(InvariantReport::name, invariant -> invariant));
    }

    /** Exactly {@code broken} failed, every invariant was exercised, and the verdict is FAIL. */
    private static void onlyBroken(CapacityReport report, Invariant broken) {
        Map<String, InvariantReport> invariants = byName(report);
        assertThat(invariants).hasSize(Invariant.values().length);
        assertThat(invariants.values())
                .as("invariants other than %s", broken.key())
                .filteredOn(invariant -> !invariant.name().equals(broken.key()))
                .allMatch(InvariantReport::pass);
        assertThat(invariants.get(broken.key()).violations())
                .as("%s in %s", broken.key(), report.invariants())
                .isPositive();
        assertThat(invariants.get(broken.key()).examples()).isNotEmpty();
        assertThat(report.verdict()).isEqualTo(CapacityReport.Verdict.FAIL);
    }

    @Test
    @DisplayName("clean, oversell (embedded, -Dtarget.fault), double-admit, confirm-unpaid and late-confirm")
    void eachFaultBreaksItsOwnInvariant() throws IOException {
        // When
        CapacityReport clean = runWith(Set.of(), "clean");
        CapacityReport oversell = run("oversell", null, Fault.OVERSELL.key());
        CapacityReport doubleAdmit = runWith(Set.of(Fault.DOUBLE_ADMIT), "double-admit");
        CapacityReport confirmUnpaid = runWith(Set.of(Fault.CONFIRM_UNPAID), "confirm-unpaid");
        CapacityReport lateConfirm = runWith(Set.of(Fault.LATE_CONFIRM), "late-confirm");

        // Then the clean run holds every invariant, each exercised
        assertThat(clean.invariants()).hasSize(Invariant.values().length);
        assertThat(clean.invariants()).allMatch(InvariantReport::pass);
        assertThat(clean.invariants()).allMatch(invariant -> invariant.observations() > 0);
        assertThat(clean.verdict()).isNotEqualTo(CapacityReport.Verdict.FAIL);
        // and each fault breaks its own, only
        onlyBroken(oversell, Invariant.SEAT_SOLD_ONCE);
        onlyBroken(doubleAdmit, Invariant.TOKEN_ADMITTED_ONCE);
        onlyBroken(confirmUnpaid, Invariant.CONFIRM_PAID_ONCE);
        onlyBroken(lateConfirm, Invariant.CONFIRM_WITHIN_HOLD);
        assertThat(List.of(oversell, doubleAdmit, confirmUnpaid, lateConfirm))
                .allMatch(report -> report.invariants().stream().allMatch(invariant -> invariant.observations() > 0));
    }
}

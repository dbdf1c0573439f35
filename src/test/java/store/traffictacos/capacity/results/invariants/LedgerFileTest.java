package store.traffictacos.capacity.results.invariants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("LedgerFile")
class LedgerFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("three runners' ledgers written and read back show the double sale split between runners 0 and 2")
    void splitDoubleSaleSurvivesTheFiles() throws IOException {
        // Given
        for (int runner = 0; runner < 3; runner++) {
            Ledger ledger = new Ledger();
            String token = new UUID(runner, 1).toString();
            ledger.admitted(token, 1_000);
            ledger.approved("r-" + runner);
            ledger.confirmed("evt_9", List.of(runner == 1 ? "S2" : "S1", "VIP-" + runner), "r-" + runner, true, false);
            LedgerFile.write(dir.resolve("runner-" + runner), ledger.data());
        }

        // When
        List<Ledger.Data> read = new ArrayList<>();
        for (int runner = 0; runner < 3; runner++) {
            read.add(LedgerFile.read(dir.resolve("runner-" + runner)).orElseThrow());
        }
        List<InvariantResult> results = InvariantCheck.check(read);

        // Then
        var byInvariant = InvariantCheckTest.byInvariant(results);
        assertThat(byInvariant.get(Invariant.SEAT_SOLD_ONCE).examples()).containsExactly("evt_9/S1");
        assertThat(byInvariant.get(Invariant.SEAT_SOLD_ONCE).observations()).isEqualTo(6);
        assertThat(byInvariant.get(Invariant.TOKEN_ADMITTED_ONCE).pass()).isTrue();
        assertThat(byInvariant.get(Invariant.CONFIRM_PAID_ONCE).pass()).isTrue();
    }

    @Test
    @DisplayName("the stock a ledger was kept with survives the file")
    void stockSurvives() throws IOException {
        // Given
        LedgerFile.write(dir, new Ledger(500).data());

        // When / Then
        assertThat(LedgerFile.read(dir).orElseThrow().seatsPerEvent()).isEqualTo(500);
    }

    @Test
    @DisplayName("a runner folder without the file has no ledger (a run recorded before ledgers)")
    void absentFileIsNoLedger() throws IOException {
        // When / Then
        assertThat(LedgerFile.read(dir)).isEmpty();
    }

    @Test
    @DisplayName("a damaged file is an error naming the file")
    void damagedFileIsNamed() throws IOException {
        // Given
        Files.writeString(dir.resolve(LedgerFile.FILE_NAME), "{\"format\":\"tacos-invariants/1\",\"admitted\":\"AAA\"");

        // When / Then
        assertThatThrownBy(() -> LedgerFile.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(LedgerFile.FILE_NAME);
    }

    @Test
    @DisplayName("a hundred thousand admitted tokens take a few megabytes, not a string each")
    void idTableIsCompact() {
        // Given
        Ledger ledger = new Ledger();
        for (int token = 0; token < 100_000; token++) {
            ledger.admitted(new UUID(token, token).toString(), token);
        }

        // When
        String encoded = ledger.data().admitted().encode();

        // Then
        assertThat(ledger.data().admitted().size()).isEqualTo(100_000);
        assertThat(encoded.length()).isEqualTo(100_000 * 24 * 4 / 3);
    }
}

package store.traffictacos.capacity.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

/**
 * What every contract suite shares: each test gets a fresh target on the backend the suite is
 * parameterized with ({@code @ParameterizedClass @EnumSource(Backend.class)} on the subclass).
 */
public abstract class BackendContract {
    @Parameter
    protected Backend backend;

    protected TargetFixture api;

    /** The suite's target configuration; the port is always a free one. */
    protected TargetConfig config() {
        return TargetConfig.defaults();
    }

    @BeforeEach
    void startTarget() {
        api = new TargetFixture(backend, config());
    }

    /** Replaces this test's target by one started with {@code config}. */
    protected void restartWith(TargetConfig config) {
        api.close();
        api = null;
        api = new TargetFixture(backend, config);
    }

    @AfterEach
    void stopTarget() {
        if (api != null) {
            api.close();
        }
    }
}

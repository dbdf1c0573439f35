package store.traffictacos.capacity.controller;

import java.io.IOException;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.runner.TestDataCleanup;

/**
 * Deletes the platform's test data after the load, or after it failed or was aborted, before the report,
 * which shows what was deleted. A cleanup that fails is a warning in the report and on the console, never
 * the run's failure.
 */
final class FlushStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.FLUSH;
    }

    @Override
    public void run(RunContext run) throws IOException {
        TestDataCleanup cleanup =
                TestDataCleanup.flush(run.target, run.spec.runner().transport().sslContext());
        cleanup.write(new RunFolder(run.spec.runDir()).cleanupFile());
        run.say(cleanup.summary());
    }
}

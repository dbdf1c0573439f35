package store.traffictacos.capacity.controller;

/** One stage of a run: a small class doing one thing with the run's context. */
interface RunStage {
    Stage stage();

    /**
     * Does the stage's work.
     *
     * @throws Exception the stage failed; its message (one line) becomes the run's failure reason
     */
    void run(RunContext run) throws Exception;
}

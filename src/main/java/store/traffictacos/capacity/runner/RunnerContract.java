package store.traffictacos.capacity.runner;

/**
 * What a runner pod is given by the controller, named once so the runner that reads it and the
 * controller that builds the Job cannot drift apart.
 */
public final class RunnerContract {

    /** ConfigMap key holding the runner's system properties as Java properties text. */
    public static final String PROPERTIES_KEY = "runner.properties";

    /** Where that key is mounted in the runner container. */
    public static final String PROPERTIES_DIR = "/etc/tacos";
    public static final String PROPERTIES_PATH = PROPERTIES_DIR + "/" + PROPERTIES_KEY;

    /**
     * ConfigMap key the controller adds once every runner is up: the common start instant in epoch
     * milliseconds. Runners read it through the API because a mounted ConfigMap is refreshed only
     * every minute or so.
     */
    public static final String START_AT_KEY = "startAt";

    public static final String ENV_RUN_ID = "RUN_ID";
    public static final String ENV_RUNNER_COUNT = "RUNNER_COUNT";
    public static final String ENV_NAMESPACE = "TACOS_NAMESPACE";
    public static final String ENV_POD_NAME = "POD_NAME";
    /** Set by Kubernetes itself in every pod of an Indexed Job. */
    public static final String ENV_INDEX = "JOB_COMPLETION_INDEX";

    private RunnerContract() {
    }

    /** The name of the run's Job and ConfigMap. */
    public static String resourceName(String runId) {
        return "tacos-run-" + runId;
    }
}

package store.traffictacos.capacity.runner;

/**
 * How a runner is started and where it finds what it is told, named once so the runner that reads it
 * and the controller that starts it cannot drift apart. What it is told is {@link RunnerSettings}; where
 * it writes is {@link RunFolder}.
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
    public static final String ENV_NAMESPACE = "TACOS_NAMESPACE";
    public static final String ENV_POD_NAME = "POD_NAME";
    /** A runner's index, set by the local backend for each runner JVM (and usable by hand). */
    public static final String ENV_INDEX = "RUNNER_INDEX";
    /** Set by Kubernetes itself in every pod of an Indexed Job. */
    public static final String ENV_JOB_INDEX = "JOB_COMPLETION_INDEX";
    /** The HS256 secret for {@code auth=jwt}: a secret travels in the environment, never in a ConfigMap. */
    public static final String ENV_JWT_SECRET = "TACOS_JWT_SECRET";

    /**
     * The simulation a runner runs, by name: the toolkit does not depend on the simulations (they
     * depend on it), and Gatling loads a simulation by its class name anyway.
     */
    public static final String SIMULATION_CLASS = "store.traffictacos.capacity.simulations.TicketingSimulation";

    private RunnerContract() {}

    /** The name of the run's Job and ConfigMap. */
    public static String resourceName(String runId) {
        return "tacos-run-" + runId;
    }
}

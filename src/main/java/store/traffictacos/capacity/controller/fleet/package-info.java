/**
 * The load runners of one run as one unit, {@link RunnerFleet} (checked, launched, awaited, started,
 * watched, stopped, collected and removed together), and the values it speaks in: the launch, each
 * runner's state and what was collected from it. The local and the Kubernetes fleets implement it. May
 * import {@code runner} (what a runner is told) and nothing else of the project.
 */
package store.traffictacos.capacity.controller.fleet;

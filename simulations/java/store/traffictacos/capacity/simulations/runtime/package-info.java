/**
 * What a runner adds to Gatling's runtime: the start gate that lines the measured load up with the
 * run's start instant ({@link StartGate}, {@link GateAction}), the bound on requests in flight
 * ({@link InFlightLimit}), the watch on the runner's own overload ({@link SaturationWatch}), what it reads
 * from Gatling's log ({@link GatlingLogTap}: the connections opened, the streams its HTTP/2 client refused)
 * and the listener of every measured request ({@link StepListener}). Imports nothing else of the project.
 */
package store.traffictacos.capacity.simulations.runtime;

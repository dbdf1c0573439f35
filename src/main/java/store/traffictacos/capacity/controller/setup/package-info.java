/**
 * Assembles a run from its spec: the {@link store.traffictacos.capacity.controller.RunBackend} (runner
 * JVMs on this machine with the target of {@link LocalTarget}, or a Kubernetes cluster), the platform
 * sources the spec asks for ({@link PlatformSources}), and the wired controller ({@link RunAssembly}).
 * It wires concrete parts together, so it imports them: the controller's fleets and scaler, the platform
 * samplers and the emulator. The command line and a lone runner ({@link LocalTarget}) import it.
 */
package store.traffictacos.capacity.controller.setup;

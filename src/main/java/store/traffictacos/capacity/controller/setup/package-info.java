/**
 * Assembles a {@link store.traffictacos.capacity.controller.RunBackend} from a run spec: runner JVMs on
 * this machine with the embedded reference target ({@link LocalBackend}) or a Kubernetes cluster
 * ({@link KubernetesBackend}), and the platform sources the spec asks for ({@link PlatformSources}). It
 * wires concrete parts together, so it imports them: the controller's fleets and scaler, the platform
 * samplers and the emulator. Only the command line imports it.
 */
package store.traffictacos.capacity.controller.setup;

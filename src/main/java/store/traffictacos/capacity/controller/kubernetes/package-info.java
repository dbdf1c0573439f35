/**
 * The controller's Kubernetes side: the runners as one Indexed Job, watched by polling and collected
 * from their logs ({@link KubernetesRunnerFleet}), and the platform pre-scaled through its HPAs and
 * Deployments with the originals recorded on the objects, so a fresh process can restore them
 * ({@link KubernetesPlatformScaler}). May import {@code controller.fleet}, {@code controller.scale},
 * {@code runner} and {@code config}.
 */
package store.traffictacos.capacity.controller.kubernetes;

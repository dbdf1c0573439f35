/**
 * The application's Kubernetes side sampled during a run ({@link KubernetesSampler}): HPAs,
 * Deployments, their pods and pod usage, and Karpenter node pools. May import {@code platform} and
 * {@code config}.
 */
package store.traffictacos.capacity.platform.kubernetes;

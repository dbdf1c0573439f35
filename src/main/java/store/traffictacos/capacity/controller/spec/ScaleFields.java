package store.traffictacos.capacity.controller.spec;

import static store.traffictacos.capacity.controller.spec.SpecValues.text;

import store.traffictacos.capacity.controller.scale.ScaleTarget;

/**
 * One entry of the run spec's {@code scale:} list: {@code hpa: <name>} (with min, optional max) or
 * {@code deployment: <name>} (with replicas), in the app namespace unless it names another.
 */
public final class ScaleFields {
    private String hpa;
    private String deployment;
    private String namespace;
    private Integer min;
    private Integer max;
    private Integer replicas;

    public void setHpa(String hpa) {
        this.hpa = text(hpa);
    }

    public void setDeployment(String deployment) {
        this.deployment = text(deployment);
    }

    public void setNamespace(String namespace) {
        this.namespace = text(namespace);
    }

    public void setMin(int min) {
        this.min = min;
    }

    public void setMax(int max) {
        this.max = max;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    ScaleTarget toTarget(String appNamespace) {
        if ((hpa == null) == (deployment == null)) {
            throw new IllegalArgumentException("scale: each entry names exactly one of hpa or deployment");
        }
        String in = namespace == null ? appNamespace : namespace;
        return hpa != null
                ? new ScaleTarget(ScaleTarget.Kind.HPA, in, hpa, min, max, replicas)
                : new ScaleTarget(ScaleTarget.Kind.DEPLOYMENT, in, deployment, min, max, replicas);
    }
}

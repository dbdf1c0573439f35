package store.traffictacos.capacity.controller.spec;

import java.time.Duration;
import java.util.List;
import store.traffictacos.capacity.config.Durations;
import store.traffictacos.capacity.controller.RunSpec.Backend;
import store.traffictacos.capacity.controller.RunSpec.PlatformSpec;
import store.traffictacos.capacity.platform.kubernetes.KubernetesSamplerSettings;
import store.traffictacos.capacity.runner.IdentitySizing;

/** The run spec's {@code platform:} section: what the controller samples beside the load. */
public final class PlatformFields {
    private Duration period = Duration.ofSeconds(5);
    private Boolean kubernetes;
    private List<String> deployments = KubernetesSamplerSettings.DEFAULT_DEPLOYMENTS;
    private RedisFields redis;
    private CloudWatchFields cloudwatch;
    private long perClientLimitRps = IdentitySizing.DEFAULT_PER_CLIENT_LIMIT_RPS;

    public void setPeriod(String period) {
        this.period = Durations.positive(period);
    }

    public void setKubernetes(boolean kubernetes) {
        this.kubernetes = kubernetes;
    }

    public void setDeployments(List<String> deployments) {
        this.deployments = List.copyOf(deployments);
    }

    public void setRedis(RedisFields redis) {
        this.redis = redis;
    }

    public void setCloudwatch(CloudWatchFields cloudwatch) {
        this.cloudwatch = cloudwatch;
    }

    /** The platform's per-client rate limit, req/s per client address; 0: none. */
    public void setPerClientLimitRps(long perClientLimitRps) {
        if (perClientLimitRps < 0) {
            throw new IllegalArgumentException("perClientLimitRps: must be 0 (none) or more, got " + perClientLimitRps);
        }
        this.perClientLimitRps = perClientLimitRps;
    }

    long perClientLimitRps() {
        return perClientLimitRps;
    }

    /** @param backend without {@code kubernetes:}, the Kubernetes backend samples the cluster and the local one not */
    PlatformSpec toSpec(Backend backend) {
        return new PlatformSpec(
                period,
                kubernetes == null ? backend == Backend.KUBERNETES : kubernetes,
                deployments,
                redis == null ? null : redis.toSpec(),
                cloudwatch == null ? null : cloudwatch.toSpec());
    }
}

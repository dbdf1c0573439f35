package store.traffictacos.capacity.controller.setup;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.controller.PlatformWindowSource;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.RunSpec.CloudWatchSpec;
import store.traffictacos.capacity.controller.RunSpec.RedisSpec;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.platform.cloudwatch.CloudWatchSampler;
import store.traffictacos.capacity.platform.cloudwatch.CloudWatchSettings;
import store.traffictacos.capacity.platform.cloudwatch.ElastiCacheMetrics;
import store.traffictacos.capacity.platform.kubernetes.KubernetesSampler;
import store.traffictacos.capacity.platform.kubernetes.KubernetesSamplerSettings;
import store.traffictacos.capacity.platform.kubernetes.KubernetesSecretPassword;
import store.traffictacos.capacity.platform.redis.RedisInfoSampler;
import store.traffictacos.capacity.platform.redis.RedisInfoSettings;

/** The platform sources a run spec asks for: Kubernetes, Redis INFO (live) and CloudWatch (after the run). */
final class PlatformSources {
    private PlatformSources() {}

    /**
     * @param client the cluster's API client, or null without a cluster (then Kubernetes sampling and a
     *     Redis password from a Secret are not available)
     * @throws IllegalArgumentException one line, when the Redis password cannot be read
     */
    static List<PlatformSampler> live(RunSpec spec, KubernetesClient client) {
        List<PlatformSampler> samplers = new ArrayList<>();
        if (spec.platform().kubernetes()) {
            if (client == null) {
                throw new IllegalArgumentException("platform.kubernetes: needs a cluster (a kubeconfig)");
            }
            KubernetesSamplerSettings defaults = KubernetesSamplerSettings.defaults();
            samplers.add(new KubernetesSampler(
                    new KubernetesSamplerSettings(
                            spec.kubernetes().appNamespace(),
                            spec.platform().deployments(),
                            spec.platform().deployments(),
                            defaults.timeout()),
                    client));
        }
        CloudWatchSpec cloudwatch = spec.platform().cloudwatch();
        if (cloudwatch != null && cloudwatch.live()) {
            samplers.add(new CloudWatchSampler(settings(cloudwatch)));
        }
        RedisSpec redis = spec.platform().redis();
        if (redis != null) {
            RedisInfoSettings settings = RedisInfoSettings.of(redis.uri()).withPasswordEnv(redis.passwordEnv());
            if (redis.secretName() == null) {
                samplers.add(new RedisInfoSampler(settings));
            } else {
                if (client == null) {
                    throw new IllegalArgumentException("platform.redis.passwordSecret: needs a cluster (a kubeconfig)");
                }
                KubernetesSecretPassword secret = new KubernetesSecretPassword(
                        spec.kubernetes().appNamespace(), redis.secretName(), redis.secretKey());
                samplers.add(RedisInfoSampler.withPassword(
                        settings, "secret " + redis.secretName(), secret.readWith(client)));
            }
        }
        return samplers;
    }

    private static CloudWatchSettings settings(CloudWatchSpec cloudwatch) {
        return CloudWatchSettings.of(cloudwatch.cacheClusterIds().toArray(String[]::new))
                .withRegion(cloudwatch.region())
                .withEndpointOverride(cloudwatch.endpoint())
                .withPeriod(cloudwatch.period());
    }

    /**
     * CloudWatch lags minutes behind, so it is read for the run's window once the run ended (that
     * read is what platform.json keeps; live samples, when asked for, only showed progress).
     */
    static List<PlatformWindowSource> afterwards(RunSpec spec) {
        CloudWatchSpec cloudwatch = spec.platform().cloudwatch();
        if (cloudwatch == null) {
            return List.of();
        }
        CloudWatchSettings settings = settings(cloudwatch);
        return List.of(new PlatformWindowSource() {
            @Override
            public String source() {
                return ElastiCacheMetrics.SOURCE;
            }

            @Override
            public Window fetch(long fromEpochMs, long toEpochMs) {
                try (ElastiCacheMetrics metrics = new ElastiCacheMetrics(settings)) {
                    return new Window(
                            metrics.fetch(fromEpochMs, toEpochMs),
                            metrics.unavailableReason().orElse(null));
                }
            }
        });
    }
}

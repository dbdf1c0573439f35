package store.traffictacos.capacity.controller.spec;

import static store.traffictacos.capacity.controller.spec.SpecValues.text;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import store.traffictacos.capacity.config.Durations;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.RunSpec.CloudWatchSpec;

/** The run spec's {@code platform.cloudwatch:} section: the ElastiCache metrics read beside the load. */
public final class CloudWatchFields {
    private List<String> cacheClusterIds = List.of();
    private String region;
    private URI endpoint;
    private Duration period = Duration.ofSeconds(60);
    private boolean live;

    public void setLive(boolean live) {
        this.live = live;
    }

    public void setCacheClusterIds(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("must list at least one ElastiCache node id");
        }
        this.cacheClusterIds = List.copyOf(ids);
    }

    public void setRegion(String region) {
        this.region = text(region);
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = Uris.http(endpoint);
    }

    public void setPeriod(String period) {
        this.period = Durations.positive(period);
    }

    CloudWatchSpec toSpec() {
        if (cacheClusterIds.isEmpty()) {
            throw new IllegalArgumentException("platform.cloudwatch: missing field 'cacheClusterIds'");
        }
        return new CloudWatchSpec(cacheClusterIds, region, endpoint, period, live);
    }
}

/**
 * ElastiCache node metrics from CloudWatch ({@link ElastiCacheMetrics}), sampled while a run goes on
 * ({@link CloudWatchSampler}) or read for the run's window once it ended, since CloudWatch publishes
 * datapoints minutes late. May import {@code platform}, {@code net} and {@code config}.
 */
package store.traffictacos.capacity.platform.cloudwatch;

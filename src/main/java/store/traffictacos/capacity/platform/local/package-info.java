/**
 * What a laptop run samples of its own machine: this JVM's CPU, heap and threads
 * ({@link LocalProcessSampler}) and the embedded target's {@code /metrics}, read over HTTP
 * ({@link TargetMetricsSampler}), so the emulator is not imported. May import {@code platform} and
 * {@code net}.
 */
package store.traffictacos.capacity.platform.local;

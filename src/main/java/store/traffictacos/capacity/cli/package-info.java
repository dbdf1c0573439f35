/**
 * The {@code tacos-capacity} command line ({@link TacosCapacity}): one picocli command per job (run,
 * status, collect, restore, report, target, runner), each turning its options into typed values at the
 * edge and handing them to the packages that do the work. It is the top of the toolkit: it may import
 * any other package of it, and none imports it.
 */
package store.traffictacos.capacity.cli;

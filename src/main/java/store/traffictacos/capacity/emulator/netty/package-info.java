/**
 * The HTTP/1.1 server under the target, on Netty ({@link NettyServer}): body limit, the {@code Date}
 * header, and the handler that passes each request to the router, off the I/O threads when the stores
 * block. May import {@code emulator.http} and {@code emulator.metrics}.
 */
package store.traffictacos.capacity.emulator.netty;

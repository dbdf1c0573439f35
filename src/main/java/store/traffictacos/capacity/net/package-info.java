/**
 * One-line reasons for failed network connections, for errors a user reads
 * ({@link ConnectionFailures}). Imports nothing else of the project.
 */
@NullMarked
package store.traffictacos.capacity.net;

import org.jspecify.annotations.NullMarked;

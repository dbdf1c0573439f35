/**
 * Load profiles: named sequences of phases whose rates all runners offer together
 * ({@link LoadProfile}, {@link Phase}), the built-in ones ({@link Profiles}) and a user's own YAML file
 * ({@link ProfileFile}). May import {@code yaml} and {@code config}, nothing else of the project.
 */
package store.traffictacos.capacity.profile;

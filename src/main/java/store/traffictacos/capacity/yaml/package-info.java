/**
 * Binds a user's YAML file to its shape strictly, with every mistake a one-line error naming the file,
 * the line and the field ({@link YamlBinding}). Imports nothing else of the project.
 */
package store.traffictacos.capacity.yaml;

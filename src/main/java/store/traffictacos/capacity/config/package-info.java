/**
 * What every entry point checks the same way: URLs (and their redaction), user-named text files and
 * run ids. Each check throws a one-line {@link java.lang.IllegalArgumentException} without the option's
 * name, which the entry point adds. Imports nothing of the project.
 */
@NullMarked
package store.traffictacos.capacity.config;

import org.jspecify.annotations.NullMarked;

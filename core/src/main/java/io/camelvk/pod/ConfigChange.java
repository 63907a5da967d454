package io.camelvk.pod;

/**
 * A ConfigMap or Secret that was added, changed or deleted.
 *
 * @param secret true for a Secret, false for a ConfigMap
 */
public record ConfigChange(boolean secret, String namespace, String name) {}

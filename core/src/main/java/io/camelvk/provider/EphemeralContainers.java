package io.camelvk.provider;

/**
 * A provider that runs the ephemeral containers ({@code kubectl debug}) an {@link
 * Provider#updatePod} adds to a running pod's {@code spec.ephemeralContainers}, and reports them in
 * {@code ephemeralContainerStatuses}. Without it, they wait with reason {@code
 * CreateContainerError} and a Warning event says the provider cannot run them.
 */
public interface EphemeralContainers {}

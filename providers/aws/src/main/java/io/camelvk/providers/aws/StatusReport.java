package io.camelvk.providers.aws;

import io.fabric8.kubernetes.api.model.PodStatus;

/**
 * A pod's new status, for the route that reports it to {@code direct:vk-pod-status} (its getters
 * become the headers).
 */
public record StatusReport(String namespace, String name, String uid, PodStatus status) {}

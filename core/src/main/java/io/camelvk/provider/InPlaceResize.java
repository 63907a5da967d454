package io.camelvk.provider;

/**
 * A provider whose {@link Provider#updatePod} applies changed container resources (requests and
 * limits, set through the pod's {@code resize} subresource) to the running containers without
 * restarting them, and reports them in each container status's {@code resources}. A provider
 * without it gets no call for a resize: the pod keeps running as it was, with the kubelet's {@code
 * PodResizePending} condition, reason {@code Infeasible}.
 */
public interface InPlaceResize {}

package io.camelvk.bench;

import java.util.List;

/**
 * What a run of the {@link Scenario} measured: seconds to all Ready, to all gone, and each pod's.
 */
record ScenarioTimes(double allReadySeconds, double deleteSeconds, List<PodTimes> pods) {}

package io.camelvk.provider;

/**
 * A provider whose node profile (capacity, conditions) can change by itself; the listener makes the
 * node's status be written at once instead of at the next period. It must not block.
 */
public interface NodeChangeNotifier {

  void onNodeChange(Runnable listener);
}

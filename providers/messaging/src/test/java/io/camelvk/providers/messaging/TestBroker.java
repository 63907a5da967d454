package io.camelvk.providers.messaging;

/** A broker a test starts, stops and starts again: Artemis or a KRaft Kafka broker. */
interface TestBroker extends AutoCloseable {

  /** Where a worker reaches it: Artemis' core protocol URL, or Kafka's bootstrap servers. */
  String url();

  void stop();

  void startServer();

  @Override
  void close();
}

package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A worker as a team would write one from docs/providers/messaging.md alone, on JMS: a plain
 * Jakarta JMS client that takes commands from the commands queue and requests from the control
 * topic and answers on the replies queue ({@link WorkerPods} runs the pods, {@link WorkerLogs}
 * keeps their logs). It shares no code with the provider.
 */
final class TestWorker implements BrokerWorker {

  static final String EXIT_AFTER = "test-worker/exit-after-ms";
  static final String COMMANDS = "camelvk.commands";
  static final String REPLIES = "camelvk.replies";
  static final String CONTROL = "camelvk.control";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final Session replySession;
  private final MessageProducer replies;
  private final WorkerPods pods;

  private TestWorker(String url) throws JMSException {
    connection = new ActiveMQConnectionFactory(url).createConnection();
    replySession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    replies = replySession.createProducer(replySession.createQueue(REPLIES));
    pods = new WorkerPods(new WorkerOutbox("test-worker-", this::sendGrouped));
    Session commandSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    commandSession
        .createConsumer(commandSession.createQueue(COMMANDS))
        .setMessageListener(m -> handle(m, pods::command));
    Session controlSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    controlSession
        .createConsumer(controlSession.createTopic(CONTROL))
        .setMessageListener(m -> handle(m, pods::request));
    connection.start();
  }

  /**
   * @param url the broker; with {@code ?reconnectAttempts=-1} the client reconnects by itself after
   *     a broker restart and recreates its consumers
   */
  static TestWorker start(String url) {
    try {
      return new TestWorker(url);
    } catch (JMSException e) {
      throw new IllegalStateException("the test worker cannot connect to " + url, e);
    }
  }

  @Override
  public WorkerPods pods() {
    return pods;
  }

  private interface Handler {
    void handle(JsonNode event) throws Exception;
  }

  private static void handle(Message message, Handler handler) {
    try {
      handler.handle(JSON.readTree(((TextMessage) message).getText()));
    } catch (Exception e) {
      throw new IllegalStateException("the test worker failed on a message", e);
    }
  }

  /** A reply grouped by its key, so that the broker gives one pod's statuses to one consumer. */
  private void sendGrouped(String key, String text) throws JMSException {
    synchronized (replySession) {
      TextMessage message = replySession.createTextMessage(text);
      message.setStringProperty("JMSXGroupID", key);
      replies.send(message);
    }
  }

  @Override
  public void sendRaw(String key, String text) throws JMSException {
    sendRaw(text);
  }

  /** Sends any text to the replies queue, ungrouped, as a worker (or a broken one) would. */
  void sendRaw(String text) throws JMSException {
    synchronized (replySession) {
      replies.send(replySession.createTextMessage(text));
    }
  }

  @Override
  public void close() {
    pods.close();
    try {
      connection.close();
    } catch (JMSException e) {
      // Closing after the broker went away: nothing left to close.
    }
  }
}

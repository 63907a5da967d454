package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvk.provider.VkHeaders;
import io.fabric8.kubernetes.api.model.Pod;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the messaging provider's routes call (bound as {@code messagingBackend} by
 * messaging-beans.yaml): commands made from the core's exchanges, replies read into them, and the
 * requests that wait for workers' answers. The exchange properties and variables it sets are the
 * routes' only coupling to it.
 */
public final class MessagingProvider implements CamelContextAware {

  static final String REPLY_KIND = "messagingReply";
  static final String AWAITING_STATUS = "messagingAwaitingStatus";
  static final String CORRELATION = "messagingCorrelation";
  private static final String STATUS = "messagingStatus";
  private static final String SUBJECT = "messagingSubject";
  private static final String FOLLOW = "messagingFollow";

  private CamelContext camelContext;
  private Clock clock = Clock.systemUTC();
  private MessagingSettings settings;
  private BrokerProbe broker;
  private KafkaReplyAssignments replyAssignments;

  private ReplyOrder order;
  private UnansweredCreates unanswered;
  private PodCommands podCommands;
  private Replies readReplies;
  private PendingRequests requests;
  private WorkerHeartbeats heartbeats;
  private MessagingCounters counters;
  private CoreReports reports;
  private WorkerDeadline deadline;
  private LogAnswers logAnswers;
  private PodSequences sequences;
  private DeletedPods deleted;
  private WorkerInventory inventory;

  public void init() {
    order = new ReplyOrder();
    requests = new PendingRequests();
    reports = new CoreReports(() -> camelContext);
    heartbeats =
        new WorkerHeartbeats(
            settings.heartbeatTimeout(), settings.replies(), clock, reports::nodeChanged);
    unanswered =
        new UnansweredCreates(order, settings.answerDeadline(), settings.commands(), clock);
    sequences = new PodSequences(clock);
    deleted = new DeletedPods(order, sequences, unanswered, settings.answerDeadline(), clock);
    podCommands =
        new PodCommands(sequences, order, unanswered, settings.node(), settings.commands(), clock);
    readReplies = new Replies(order, heartbeats, requests, deleted);
    inventory =
        new WorkerInventory(
            requests,
            heartbeats,
            order,
            reports,
            settings.inventoryWindow(),
            replyAssignments,
            settings.requestTimeout());
    deadline = new WorkerDeadline(unanswered, order, podCommands, reports, this::counters);
    logAnswers =
        new LogAnswers(
            requests,
            settings,
            worker -> heartbeats.alive().contains(worker),
            this::publish,
            clock);
  }

  /** Made at first use: the registry and Camel are complete by then. */
  synchronized MessagingCounters counters() {
    if (counters == null) {
      counters =
          new MessagingCounters(camelContext.getRegistry().findSingleByType(MeterRegistry.class));
    }
    return counters;
  }

  /** The body becomes the command for the exchange's operation (create, update, delete). */
  public void command(Exchange exchange) {
    Message in = exchange.getMessage();
    String type = "io.camelvk.pod." + in.getHeader(VkHeaders.OPERATION, String.class);
    Pod pod = in.getBody(Pod.class);
    Long grace = in.getHeader(VkHeaders.POD_GRACE_PERIOD, Long.class);
    if (CloudEvents.CREATE.equals(type)) {
      deleted.created(pod.getMetadata().getUid());
    }
    PodCommands.Outgoing out = podCommands.command(type, pod, grace);
    if (CloudEvents.DELETE.equals(type)) {
      deleted.sent(out.uid(), out.sequence(), grace);
    }
    in.setBody(out.command());
    in.setHeader("JMSXGroupID", out.uid());
    out.awaitingStatus().ifPresent(s -> exchange.setVariable(AWAITING_STATUS, s));
    counters().sent(type);
  }

  /** Reads a reply; variable {@value #REPLY_KIND} says what it was: status, dropped or taken. */
  public void reply(Exchange exchange) {
    Message in = exchange.getMessage();
    JsonNode event = CloudEvents.parse(in.getBody(String.class));
    counters().received(event.path("type").asText());
    Replies.Reply reply = readReplies.read(event);
    switch (reply) {
      case Replies.Status status -> {
        in.setHeader(VkHeaders.POD_NAMESPACE, status.namespace());
        in.setHeader(VkHeaders.POD_NAME, status.name());
        in.setHeader(VkHeaders.POD_UID, status.uid());
        in.setBody(status.status());
        exchange.setProperty(STATUS, status);
        exchange.setVariable(REPLY_KIND, "status");
      }
      case Replies.Dropped dropped -> {
        counters().dropped(dropped.reason());
        logAnswers.late(event);
        exchange.setVariable(REPLY_KIND, "dropped");
      }
      case Replies.Taken taken -> exchange.setVariable(REPLY_KIND, "taken");
    }
  }

  /**
   * Reports the status read by {@link #reply} to the core and returns once it is written to the API
   * server, in turn with the pod's other statuses; one overtaken meanwhile is dropped and counted.
   *
   * @throws io.camelvk.provider.StatusNotWrittenException (within Camel's) when it was not written
   */
  public void report(Exchange exchange) {
    Replies.Status status = exchange.getProperty(STATUS, Replies.Status.class);
    readReplies
        .report(
            status,
            () ->
                reports.writtenStatus(
                    status.namespace(), status.name(), status.uid(), status.status()))
        .ifPresent(reason -> counters().dropped(reason));
  }

  public void deadLettered() {
    counters().deadLetter();
  }

  /** The body becomes a request to every worker for the pods it runs. */
  public void listRequest(Exchange exchange) {
    request(exchange, CloudEvents.event(CloudEvents.LIST_REQUEST, settings.node(), clock));
  }

  /**
   * The pods the workers answered with; the statuses of those this process has heard nothing about
   * (after a restart) are reported to the core.
   */
  public List<Pod> pods(Exchange exchange) throws InterruptedException {
    return inventory.pods(exchange.getVariable(CORRELATION, String.class));
  }

  /** The body becomes a request for a container's log, to every worker. */
  public void logsRequest(Exchange exchange) {
    Message in = exchange.getMessage();
    ObjectNode event = CloudEvents.event(CloudEvents.LOGS_REQUEST, settings.node(), clock);
    String subject =
        in.getHeader(VkHeaders.POD_NAMESPACE, String.class)
            + "/"
            + in.getHeader(VkHeaders.POD_NAME, String.class);
    event.put("subject", subject);
    event.set("data", LogsRequest.data(in));
    exchange.setVariable(SUBJECT, subject);
    exchange.setVariable(FOLLOW, LogsRequest.follows(in));
    request(exchange, event);
  }

  /**
   * The text the worker that runs the pod answered, or for {@code kubectl logs -f} a stream of it
   * and the lines it sends after; a container it does not know is not found.
   */
  public Object logs(Exchange exchange) throws InterruptedException {
    return logAnswers.answer(
        exchange.getVariable(CORRELATION, String.class),
        exchange.getVariable(SUBJECT, String.class),
        Boolean.TRUE.equals(exchange.getVariable(FOLLOW, Boolean.class)));
  }

  /**
   * Fails the pods whose create no worker answered within the deadline, and forgets the deleted
   * pods whose delete no worker answered.
   */
  public void failUnanswered() {
    deadline.failOverdue();
    deleted.forgetOverdue();
  }

  /** How many deletes withdrawing a pod no worker answered wait for the broker. */
  int withdrawalsUnsent() {
    return deadline.unsent();
  }

  /** How many entries the provider holds about pods: none once every pod it ran is gone. */
  int podEntries() {
    return order.size() + sequences.size() + unanswered.size() + deleted.size();
  }

  /** The workers' profile; Ready=False when the broker takes no connection. */
  public String node() {
    return broker.unreachable().map(heartbeats::brokerUnreachable).orElseGet(heartbeats::profile);
  }

  private void request(Exchange exchange, ObjectNode event) {
    String correlation = event.get("correlationid").asText();
    requests.open(correlation);
    exchange.setVariable(CORRELATION, correlation);
    exchange.getMessage().setBody(CloudEvents.write(event));
    counters().sent(event.get("type").asText());
  }

  /** A request of the provider's own (a logs cancel), to every worker. */
  private void publish(ObjectNode event) {
    reports.request(CloudEvents.write(event));
    counters().sent(event.get("type").asText());
  }

  public void setClock(Clock clock) {
    this.clock = clock;
  }

  public void setSettings(MessagingSettings settings) {
    this.settings = settings;
  }

  public void setBroker(BrokerProbe broker) {
    this.broker = broker;
  }

  public void setReplyAssignments(KafkaReplyAssignments replyAssignments) {
    this.replyAssignments = replyAssignments;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }
}

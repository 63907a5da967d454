package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvk.provider.VkHeaders;
import org.apache.camel.Message;

/** The {@code data} of a logs request: the container and the {@code kubectl logs} options given. */
final class LogsRequest {

  private LogsRequest() {}

  /** Whether {@code kubectl logs -f} asked for the log and what it gains. */
  static boolean follows(Message in) {
    return Boolean.TRUE.equals(in.getHeader(VkHeaders.LOG_FOLLOW, Boolean.class));
  }

  static ObjectNode data(Message in) {
    ObjectNode data = CloudEvents.JSON.createObjectNode();
    data.put("container", in.getHeader(VkHeaders.CONTAINER_NAME, String.class));
    Integer tail = in.getHeader(VkHeaders.LOG_TAIL_LINES, Integer.class);
    if (tail != null) {
      data.put("tailLines", tail);
    }
    String since = in.getHeader(VkHeaders.LOG_SINCE_TIME, String.class);
    if (since != null) {
      data.put("sinceTime", since);
    }
    Long limit = in.getHeader(VkHeaders.LOG_LIMIT_BYTES, Long.class);
    if (limit != null) {
      data.put("limitBytes", limit);
    }
    if (Boolean.TRUE.equals(in.getHeader(VkHeaders.LOG_TIMESTAMPS, Boolean.class))) {
      data.put("timestamps", true);
    }
    if (Boolean.TRUE.equals(in.getHeader(VkHeaders.LOG_PREVIOUS, Boolean.class))) {
      data.put("previous", true);
    }
    if (follows(in)) {
      data.put("follow", true);
    }
    return data;
  }
}

package io.camelvk.providers.messaging;

import io.camelvk.config.GoDuration;
import java.time.Duration;

/**
 * The provider's {@code vk.provider.messaging.*} settings besides the broker's (bound as {@code
 * messagingSettings} by messaging-beans.yaml, where the defaults are; docs/providers/messaging.md).
 */
public final class MessagingSettings {

  private String node;
  private String commands;
  private String replies;
  private String control;
  private Duration heartbeatTimeout;
  private Duration requestTimeout;
  private Duration inventoryWindow;
  private Duration answerDeadline;

  String node() {
    return node;
  }

  String commands() {
    return commands;
  }

  String replies() {
    return replies;
  }

  String control() {
    return control;
  }

  Duration heartbeatTimeout() {
    return heartbeatTimeout;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  Duration inventoryWindow() {
    return inventoryWindow;
  }

  Duration answerDeadline() {
    return answerDeadline;
  }

  public void setNode(String node) {
    this.node = node;
  }

  public void setCommands(String commands) {
    this.commands = commands;
  }

  public void setReplies(String replies) {
    this.replies = replies;
  }

  public void setControl(String control) {
    this.control = control;
  }

  public void setHeartbeatTimeout(String timeout) {
    this.heartbeatTimeout = duration("heartbeat-timeout", timeout);
  }

  public void setRequestTimeout(String timeout) {
    this.requestTimeout = duration("request-timeout", timeout);
  }

  public void setInventoryWindow(String window) {
    this.inventoryWindow = duration("inventory-window", window);
  }

  public void setAnswerDeadline(String deadline) {
    this.answerDeadline = duration("answer-deadline", deadline);
  }

  private static Duration duration(String key, String text) {
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vk.provider.messaging." + key + ": " + e.getMessage(), e);
    }
  }
}

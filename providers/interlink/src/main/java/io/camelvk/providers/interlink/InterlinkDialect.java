package io.camelvk.providers.interlink;

import java.util.Locale;
import java.util.Map;

/**
 * What differs between interLink releases and plugins, set per backend ({@code
 * vk.provider.interlink.*}):
 *
 * @param target {@code plugin} (a plugin's own HTTP API, as an interLink API server calls it) or
 *     {@code api} (an interLink API server, as interLink's virtual kubelet calls it)
 * @param createArray whether {@code /create} takes an array of one pod (interLink up to 0.4 and the
 *     Docker plugin) instead of one object (0.5 on)
 * @param logBytesField the name of the log byte limit in {@code Opts}: {@code Bytes} (the Go
 *     field's JSON name) or {@code LimitBytes} (older plugins)
 */
public record InterlinkDialect(Target target, boolean createArray, String logBytesField) {

  public static final String TARGET = "target";
  public static final String CREATE_BODY = "create-body";
  public static final String LOG_BYTES_FIELD = "log-bytes-field";

  public static final InterlinkDialect PLUGIN_DEFAULT =
      new InterlinkDialect(Target.PLUGIN, false, "Bytes");

  /** Who answers. */
  public enum Target {
    PLUGIN,
    API
  }

  /** Reads the three settings, each with its default; a bad value names its property. */
  public static InterlinkDialect fromProperties(Map<String, String> properties) {
    String target = value(properties, TARGET, "plugin");
    String body = value(properties, CREATE_BODY, "object");
    String bytes = value(properties, LOG_BYTES_FIELD, "Bytes");
    if (!target.equals("plugin") && !target.equals("api")) {
      throw bad(TARGET, target, "plugin or api");
    }
    if (!body.equals("object") && !body.equals("array")) {
      throw bad(CREATE_BODY, body, "object or array");
    }
    if (!bytes.equals("bytes") && !bytes.equals("limitbytes")) {
      throw bad(LOG_BYTES_FIELD, bytes, "Bytes or LimitBytes");
    }
    return new InterlinkDialect(
        target.equals("api") ? Target.API : Target.PLUGIN,
        body.equals("array"),
        bytes.equals("bytes") ? "Bytes" : "LimitBytes");
  }

  private static String value(Map<String, String> properties, String key, String fallback) {
    String value = properties.getOrDefault(key, "").strip();
    return (value.isEmpty() ? fallback : value).toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException bad(String key, String value, String expected) {
    return new IllegalArgumentException(
        "vk.provider.interlink." + key + " is '" + value + "'; expected " + expected);
  }
}

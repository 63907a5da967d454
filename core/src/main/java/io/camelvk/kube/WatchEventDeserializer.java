package io.camelvk.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.WatchEvent;
import java.io.IOException;

/**
 * A watch event read in one pass. The client's own reading builds a JSON tree of the object to find
 * its kind and then maps the tree; the API server writes {@code kind} and {@code apiVersion} first,
 * so the type is known after two fields and the rest goes straight into the model. An object that
 * does not start with them, or of a kind not in {@link ResourceKinds}, is read the client's way.
 */
final class WatchEventDeserializer extends JsonDeserializer<WatchEvent> {

  private static final String KIND = "kind";
  private static final String API_VERSION = "apiVersion";

  @Override
  public WatchEvent deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    WatchEvent event = new WatchEvent();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      token = parser.nextToken();
    }
    for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "type" -> event.setType(parser.getValueAsString());
        case "object" -> event.setObject(resource(parser, context));
        default -> parser.skipChildren();
      }
    }
    return event;
  }

  private KubernetesResource resource(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return context.readValue(parser, KubernetesResource.class);
    }
    String kind = null;
    String apiVersion = null;
    JsonToken token = parser.nextToken();
    while (token == JsonToken.FIELD_NAME && (kind == null || apiVersion == null)) {
      String field = parser.currentName();
      if (!field.equals(KIND) && !field.equals(API_VERSION)) {
        break;
      }
      parser.nextToken();
      if (field.equals(KIND)) {
        kind = parser.getValueAsString();
      } else {
        apiVersion = parser.getValueAsString();
      }
      token = parser.nextToken();
    }
    Class<? extends KubernetesResource> type = ResourceKinds.of(apiVersion, kind);
    if (type != null) {
      return context.readValue(parser, type);
    }
    return readTheClientsWay(parser, kind, apiVersion, context);
  }

  /** The fields read so far and the rest of the object, through the client's deserializer. */
  private KubernetesResource readTheClientsWay(
      JsonParser parser, String kind, String apiVersion, DeserializationContext context)
      throws IOException {
    TokenBuffer whole = context.bufferForInputBuffering(parser);
    whole.writeStartObject();
    if (kind != null) {
      whole.writeStringField(KIND, kind);
    }
    if (apiVersion != null) {
      whole.writeStringField(API_VERSION, apiVersion);
    }
    while (parser.currentToken() == JsonToken.FIELD_NAME) {
      whole.copyCurrentStructure(parser);
      parser.nextToken();
    }
    whole.writeEndObject();
    try (JsonParser buffered = whole.asParser(parser.getCodec())) {
      buffered.nextToken();
      return context.readValue(buffered, KubernetesResource.class);
    }
  }
}

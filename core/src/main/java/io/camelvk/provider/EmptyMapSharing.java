package io.camelvk.provider;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every fabric8 model object carries its own {@code additionalProperties} map, almost always empty:
 * about seventy per pod, a quarter of a cached pod's heap. For objects that are kept and only read
 * (the informer's cache, what a provider keeps), each empty one is replaced by one shared immutable
 * empty map. Builders copy that map, so objects made from these stay writable; the objects
 * themselves must not get {@code setAdditionalProperty} calls.
 */
public final class EmptyMapSharing {

  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
  private static final String EXTRAS = "additionalProperties";
  private static final ClassValue<List<Field>> REFERENCE_FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          return referenceFields(type);
        }
      };

  private EmptyMapSharing() {}

  /** Shares the empty maps of {@code root} and of every model object it reaches. */
  public static <T> T apply(T root) {
    visit(root);
    return root;
  }

  private static void visit(Object value) {
    if (value instanceof Collection<?> items) {
      items.forEach(EmptyMapSharing::visit);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(EmptyMapSharing::visit);
    } else if (value != null && isModel(value.getClass())) {
      visitModel(value);
    }
  }

  private static void visitModel(Object model) {
    for (Field field : REFERENCE_FIELDS.get(model.getClass())) {
      try {
        Object child = field.get(model);
        if (field.getName().equals(EXTRAS) && child instanceof Map<?, ?> extras) {
          if (extras.isEmpty()) {
            field.set(model, Map.of());
          }
        } else {
          visit(child);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    return type.getPackageName().startsWith(MODEL_PACKAGE);
  }

  private static List<Field> referenceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && isModel(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!field.getType().isPrimitive()
            && !Modifier.isStatic(field.getModifiers())
            && field.getType() != String.class) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return List.copyOf(fields);
  }
}

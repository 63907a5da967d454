package io.camelvk.pod.env;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A new model object whose fields are those of the given one: the fields that change are then set
 * on the copy, and everything else stays shared. A builder copies the whole tree below, which for a
 * pod is hundreds of objects.
 */
final class ShallowCopy {

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return Shape.of(type);
        }
      };

  private ShallowCopy() {}

  @SuppressWarnings("unchecked")
  static <T> T of(T model) {
    Shape shape = SHAPES.get(model.getClass());
    try {
      T copy = (T) shape.constructor().newInstance();
      for (Field field : shape.fields()) {
        field.set(copy, field.get(model));
      }
      return copy;
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot copy a " + model.getClass().getName(), e);
    }
  }

  private record Shape(Constructor<?> constructor, List<Field> fields) {

    static Shape of(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            fields.add(field);
          }
        }
      }
      try {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return new Shape(constructor, List.copyOf(fields));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(
            type.getName() + " has no constructor without arguments", e);
      }
    }
  }
}

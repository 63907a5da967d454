package io.camelvk.provider.mapping;

import io.camelvk.provider.VkHeaders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.model.SetHeaderDefinition;
import org.apache.camel.model.SetHeadersDefinition;
import org.apache.camel.model.language.ExpressionDefinition;

/**
 * What makes a provider mapping file acceptable: one route, from {@code
 * direct:vk-provider-mapping}, and every provider name it can set as a literal ({@code constant},
 * or {@code simple} without {@code ${...}}, after property placeholders) is one of the node's.
 * Names computed at run time are checked per pod instead.
 */
final class MappingCheck {

  private MappingCheck() {}

  /** The problem with {@code routes}, or empty when they will do. */
  static Optional<String> problem(
      RoutesDefinition routes, Collection<String> providers, CamelContext context) {
    List<RouteDefinition> definitions = routes.getRoutes();
    if (definitions.size() != 1) {
      return Optional.of(
          "it must hold exactly one route, from "
              + ProviderMapping.ENDPOINT
              + ", not "
              + definitions.size());
    }
    RouteDefinition route = definitions.getFirst();
    String from = route.getInput() == null ? null : route.getInput().getEndpointUri();
    if (!ProviderMapping.ENDPOINT.equals(from)) {
      return Optional.of("its route must be from " + ProviderMapping.ENDPOINT + ", not " + from);
    }
    for (String name : literalProviders(route.getOutputs(), context)) {
      if (!providers.contains(name)) {
        return Optional.of(
            "it sets "
                + VkHeaders.PROVIDER
                + " to '"
                + name
                + "', which is not a provider of this node ("
                + String.join(", ", providers)
                + ")");
      }
    }
    return Optional.empty();
  }

  private static List<String> literalProviders(
      List<ProcessorDefinition<?>> steps, CamelContext context) {
    List<String> names = new ArrayList<>();
    for (ProcessorDefinition<?> step : steps) {
      if (step instanceof SetHeaderDefinition set) {
        literal(set, context).ifPresent(names::add);
      } else if (step instanceof SetHeadersDefinition sets) {
        sets.getHeaders().forEach(set -> literal(set, context).ifPresent(names::add));
      }
      if (step instanceof ChoiceDefinition choice) {
        choice
            .getWhenClauses()
            .forEach(when -> names.addAll(literalProviders(when.getOutputs(), context)));
        if (choice.getOtherwise() != null) {
          names.addAll(literalProviders(choice.getOtherwise().getOutputs(), context));
        }
      } else if (step.getOutputs() != null) {
        names.addAll(literalProviders(step.getOutputs(), context));
      }
    }
    return names;
  }

  private static Optional<String> literal(SetHeaderDefinition set, CamelContext context) {
    ExpressionDefinition expression = set.getExpression();
    if (!VkHeaders.PROVIDER.equals(set.getName()) || expression == null) {
      return Optional.empty();
    }
    String language = expression.getLanguage();
    String text = expression.getExpression();
    boolean literal =
        "constant".equals(language) || ("simple".equals(language) && !text.contains("${"));
    return literal
        ? Optional.of(context.resolvePropertyPlaceholders(text).strip())
        : Optional.empty();
  }
}

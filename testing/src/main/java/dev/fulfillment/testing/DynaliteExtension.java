package dev.fulfillment.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link DynaliteServer} parameter. One server serves the whole test JVM: it starts on
 * first use and stops when JUnit closes its root store. Tests keep apart by creating their own tables
 * ({@link DynaliteServer#uniqueTableName(String)}).
 *
 * <pre>{@code
 * @ExtendWith(DynaliteExtension.class)
 * class OrderRepositoryTest {
 *   @Test void savesAnOrder(DynaliteServer dynalite) { ... dynalite.client() ... }
 * }
 * }</pre>
 */
public final class DynaliteExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DynaliteServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> new Closing(DynaliteServer.start()), Closing.class)
        .server();
  }

  private record Closing(DynaliteServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}

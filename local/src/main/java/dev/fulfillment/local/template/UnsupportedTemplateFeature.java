package dev.fulfillment.local.template;

/**
 * The template uses something the local reader cannot resolve faithfully (an intrinsic function it does not
 * implement, an attribute it cannot compute, a malformed argument). {@link #path()} says where, for example
 * {@code Resources.Queue.Properties.RedrivePolicy.deadLetterTargetArn.Fn::GetAtt}.
 */
public final class UnsupportedTemplateFeature extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public UnsupportedTemplateFeature(String path, String message) {
    super(message + " (at " + path + ")");
    this.path = path;
  }

  public String path() {
    return path;
  }
}
